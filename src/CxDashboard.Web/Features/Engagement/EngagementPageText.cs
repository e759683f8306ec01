using System.Globalization;

namespace CxDashboard.Web.Features.Engagement;

/// <summary>The words the Engagement page and its exports use for the publication rule, together for the localisation sweep.</summary>
public static class EngagementPageText
{
    public static readonly string Rule =
        $"figures published once a month has ended, for teams with at least {EngagementCalculator.AnonymityThreshold} answers";

    public const string Collecting = "collecting";

    public static readonly string WhyOnlyEndedMonths =
        $"A month's engagement figures appear the day after it ends, and only for teams where at least {EngagementCalculator.AnonymityThreshold} people " +
        "answered, rounded as shown. While a month is open its figures would change with every answer, and comparing two looks " +
        "would give away one colleague's answer; after it ends, no pulse answer can change them.";

    public static string CollectingTitle(DateOnly month) =>
        string.Format(CultureInfo.InvariantCulture, "Answers are still being collected; the figures are published on {0:yyyy-MM-dd}, when the month has ended.",
            EngagementPublication.PublishedOn(month));

    public static string OpenMonthTitle(DateOnly month) =>
        string.Format(CultureInfo.InvariantCulture, "{0:yyyy-MM} is still open: its engagement figures are published on {1:yyyy-MM-dd}.",
            month, EngagementPublication.PublishedOn(month));

    public const string OpenMonthBody =
        "Until the month ends, no figure is shown, so no single answer can be read from a change. Choose earlier months to see published figures; CSAT and FCR are shown below.";

    /// <summary>The answers column of a month still open, in exports.</summary>
    public const string ExportCollecting = "not published until the month ends";

    /// <summary>Why the page opened on an earlier month: {0} the month shown, {1} the current month, {2} how many days of it have passed.</summary>
    public const string OpenedOnEarlierMonth =
        "Showing up to {0}, the last month that has ended with pulse answers: {1} is only {2} day(s) old, so its engagement figures are not published yet and most of its customer figures are not in. Choose it under \"To month\" for its CSAT and FCR so far.";
}
