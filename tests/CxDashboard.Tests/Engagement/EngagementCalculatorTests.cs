using CxDashboard.Web.Features.Engagement;

namespace CxDashboard.Tests.Engagement;

public class EngagementCalculatorTests
{
    [Fact]
    public void The_index_is_the_mean_of_per_answer_means_rescaled_to_0_100()
    {
        PulseAnswer[] answers =
        [
            new(10, [5, 5, 5]),   // mean 5
            new(9, [4, 2]),       // mean 3 (items not answered do not count)
            new(6, [1]),          // mean 1
            new(null, [3, 3]),    // mean 3
            new(7, [4]),          // mean 4
        ];
        var result = EngagementCalculator.Calculate(answers);
        // mean of means = (5 + 3 + 1 + 3 + 4) / 5 = 3.2 → (3.2 − 1) / 4 × 100 = 55
        Assert.Equal(55, result.EngagementIndex!.Value, 9);
        // eNPS over the 4 who answered it: promoters 10, 9; detractors 6 → (2 − 1) / 4 = 25
        Assert.Equal(25, result.Enps!.Value, 9);
        Assert.Equal(5, result.Responses);
        Assert.False(result.Suppressed);
    }

    [Fact]
    public void Fewer_than_five_answers_show_no_figures_at_all()
    {
        var result = EngagementCalculator.Calculate([new(10, [5]), new(10, [5]), new(10, [5]), new(10, [5])]);
        Assert.True(result.Suppressed);
        Assert.Null(result.Responses);
        Assert.Null(result.EngagementIndex);
        Assert.Null(result.Enps);
    }
}
