namespace CxDashboard.Web.Features.Engagement;

/// <summary>The Engagement page's sentences that carry figures, as whole format strings.</summary>
public static class EngagementText
{
    /// <summary>{0} the month shown, {1} the current month, {2} how many days of it have passed.</summary>
    public const string OpenedOnEarlierMonth =
        "Showing up to {0}, the last full month with pulse answers: {1} is only {2} day(s) old, so most of its answers and customer figures are not in yet. Choose it under \"To month\" to see it so far.";
}
