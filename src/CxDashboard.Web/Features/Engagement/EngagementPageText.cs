using CxDashboard.Web.Features.Presentation;
using Microsoft.Extensions.Localization;

namespace CxDashboard.Web.Features.Engagement;

/// <summary>
/// The Engagement page's words about publication, anonymity and its trend, in the request's language
/// (<c>Resources/Features/Engagement/EngagementPageText.sv.resx</c>; the English text is the key).
/// </summary>
public sealed class EngagementPageText(IStringLocalizer<EngagementPageText> text)
{
    private static int Threshold => EngagementCalculator.AnonymityThreshold;

    public string Rule => text["figures published once a month has ended, for teams with at least {0} answers", Threshold];

    public string Collecting => text["collecting"];

    public string WhyOnlyEndedMonths => text[
        "A month's engagement figures appear the day after it ends, and only for teams where at least {0} people answered, rounded as shown. While a month is open its figures would change with every answer, and comparing two looks would give away one colleague's answer; after it ends, no pulse answer can change them.",
        Threshold];

    public string CollectingTitle(DateOnly month) =>
        text["Answers are still being collected; the figures are published on {0}, when the month has ended.", Display.Date(EngagementPublication.PublishedOn(month))];

    public string OpenMonthTitle(DateOnly month) =>
        text["{0} is still open: its engagement figures are published on {1}.", EngagementReportService.MonthLabel(month), Display.Date(EngagementPublication.PublishedOn(month))];

    public string OpenMonthBody =>
        text["Until the month ends, no figure is shown, so no single answer can be read from a change. Choose earlier months to see published figures; CSAT and FCR are shown below."];

    /// <summary>Why the page opened on an earlier month: the month shown, the current month, how many days of it have passed.</summary>
    public string OpenedOnEarlierMonth(DateOnly shown, DateOnly current, int days) => text[
        "Showing up to {0}, the last month that has ended with pulse answers: {1} is only {2} day(s) old, so its engagement figures are not published yet and most of its customer figures are not in. Choose it under \"To month\" for its CSAT and FCR so far.",
        EngagementReportService.MonthLabel(shown), EngagementReportService.MonthLabel(current), days];

    public string AllShownTeams => text["All shown teams"];

    public string OneTeam(string name) => text["team {0}", name];

    public string TrendTitle => text["Engagement index by month"];

    public string TrendAxis => text["Index (0–100)"];

    public string NoPublishedMonth => text["no published month"];

    /// <summary>The trend's description for screen readers: first month, last month, then each line's months and values.</summary>
    public string TrendDescription(DateOnly from, DateOnly to, string lines) => text[
        "Engagement index 0–100 by month, {0} to {1}; months not yet ended or with fewer than {2} answers are left out. {3}.",
        EngagementReportService.MonthLabel(from), EngagementReportService.MonthLabel(to), Threshold, lines];
}
