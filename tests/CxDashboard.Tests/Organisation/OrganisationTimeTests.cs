using CxDashboard.Web.Features.Ingestion;
using CxDashboard.Web.Features.Organisation;

namespace CxDashboard.Tests.Organisation;

public class OrganisationTimeTests
{
    private static readonly OrganisationTime Stockholm = OrganisationTime.For("Europe/Stockholm");

    [Fact]
    public void Local_times_become_instants_with_the_offset_of_their_season()
    {
        Assert.Equal(new DateTime(2026, 1, 15, 8, 0, 0, DateTimeKind.Utc), Stockholm.ToUtc(new DateTime(2026, 1, 15, 9, 0, 0)));
        Assert.Equal(new DateTime(2026, 7, 15, 7, 0, 0, DateTimeKind.Utc), Stockholm.ToUtc(new DateTime(2026, 7, 15, 9, 0, 0)));
    }

    [Fact]
    public void A_time_in_the_spring_gap_moves_forward_by_the_gap()
    {
        // 2026-03-29 02:30 does not exist in Stockholm (02:00 → 03:00): read as 03:30 CEST = 01:30 UTC.
        Assert.Equal(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc), Stockholm.ToUtc(new DateTime(2026, 3, 29, 2, 30, 0)));
    }

    [Fact]
    public void A_time_that_occurs_twice_in_autumn_takes_its_first_occurrence()
    {
        // 2026-10-25 02:30 happens at 00:30 UTC (CEST) and again at 01:30 UTC (CET).
        Assert.Equal(new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc), Stockholm.ToUtc(new DateTime(2026, 10, 25, 2, 30, 0)));
    }

    [Fact]
    public void The_local_date_decides_the_period()
    {
        Assert.Equal(new DateOnly(2026, 3, 1), Stockholm.LocalDateOf(new DateTime(2026, 2, 28, 23, 30, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateOnly(2026, 3, 31), Stockholm.LocalDateOf(new DateTime(2026, 3, 31, 21, 59, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateOnly(2026, 4, 1), Stockholm.LocalDateOf(new DateTime(2026, 3, 31, 22, 0, 0, DateTimeKind.Utc)));
    }

    [Theory]
    [InlineData("2026-03-04T09:15:00+01:00", "2026-03-04T08:15:00Z")]
    [InlineData("2026-03-04T09:15:00Z", "2026-03-04T09:15:00Z")]
    [InlineData("2026-03-04 09:15", "2026-03-04T08:15:00Z")]
    [InlineData("2026-07-04 09:15:30", "2026-07-04T07:15:30Z")]
    [InlineData("2026-03-04T09:15:00.250+01:00", "2026-03-04T08:15:00.250Z")]
    public void Import_timestamps_are_read_with_or_without_an_offset(string text, string expectedUtc)
    {
        Assert.True(RowReader.TryParseTimestamp(text, Stockholm, out var utc));
        Assert.Equal(DateTime.Parse(expectedUtc, null, System.Globalization.DateTimeStyles.AdjustToUniversal), utc);
    }

    [Theory]
    [InlineData("04/03/2026 09:15")]
    [InlineData("2026-13-04 09:15")]
    [InlineData("yesterday")]
    public void Ambiguous_or_invalid_timestamps_are_refused(string text) =>
        Assert.False(RowReader.TryParseTimestamp(text, Stockholm, out _));
}
