using CxDashboard.Web.Features.Ingestion;
using CxDashboard.Web.Features.Organisation;

namespace CxDashboard.Tests.Imports;

/// <summary>The hand-written ISO 8601 reader accepts exactly the contract's forms.</summary>
public sealed class IsoTimestampTests
{
    private static readonly OrganisationTime Stockholm = OrganisationTime.For("Europe/Stockholm");

    [Theory]
    [InlineData("2026-03-04T09:15:00+01:00", "2026-03-04T08:15:00")]
    [InlineData("2026-03-04 09:15:00+01:00", "2026-03-04T08:15:00")]
    [InlineData("2026-03-04T09:15+0100", "2026-03-04T08:15:00")]
    [InlineData("2026-03-04T09:15:00Z", "2026-03-04T09:15:00")]
    [InlineData("2026-03-04T09:15:00.25-05", "2026-03-04T14:15:00.25")]
    [InlineData("2026-03-04 09:15", "2026-03-04T08:15:00")]
    [InlineData("2026-07-04T09:15:30", "2026-07-04T07:15:30")]
    [InlineData("2026-03-29 02:30", "2026-03-29T01:30:00")] // in the spring-forward gap: moved past it
    [InlineData("2026-10-25 02:30", "2026-10-25T00:30:00")] // twice in October: the first (summer-time) one
    public void Reads_the_contract_forms_as_instants(string text, string expectedUtc)
    {
        Assert.True(RowReader.TryParseTimestamp(text, Stockholm, out var utc));
        Assert.Equal(DateTime.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
    }

    [Theory]
    [InlineData("2026-02-30 09:15")]
    [InlineData("2026-03-04")]
    [InlineData("2026-03-04T24:00")]
    [InlineData("2026-03-04T09:15:00+1:00")]
    [InlineData("2026-03-04T09:15:00.12345678")]
    [InlineData("04/03/2026 09:15")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("2026-03-04T09:15:00 ")]
    public void Refuses_anything_else(string text) => Assert.False(RowReader.TryParseTimestamp(text, Stockholm, out _));
}
