using System.Globalization;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Exports;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Organisation;
using CxDashboard.Web.Features.Presentation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Features.Coaching.Packs;

public enum PackFormat
{
    Pdf,
    Xlsx,
}

public sealed record PackFile(string FileName, string ContentType, byte[] Content);

/// <summary>What a coaching pack holds: for a team, its overview and a section per agent; for one agent, their section.</summary>
public sealed record CoachingPack
{
    public required string Title { get; init; }
    public required string OrganisationName { get; init; }
    public required DatePeriod Period { get; init; }
    public required DateTime GeneratedAtUtc { get; init; }
    public required string GeneratedBy { get; init; }
    public TeamCoachingView? Team { get; init; }
    public required IReadOnlyList<AgentScorecard> Agents { get; init; }
    public required string AlertRule { get; init; }
    public required string PatternRule { get; init; }

    /// <summary>The full address of the definitions page (or where to find it when no public address is set).</summary>
    public required string DefinitionsLink { get; init; }

    /// <summary>The language the pack is written in: the requesting user's on the web, <c>--language</c> on the command line.</summary>
    public required DocumentLanguage Language { get; init; }

    /// <summary>The organisation's time zone: every time the pack shows is in it, and says so.</summary>
    public required TimeZoneInfo TimeZone { get; init; }
}

/// <summary>
/// Coaching packs per agent and per team for a chosen period, as PDF and as Excel. Callers check access first
/// (<see cref="CoachingViewer.MayView"/>, <see cref="CoachingViewer.MayViewTeam"/>); every figure is computed inside the
/// viewer's scope as well, so a pack never holds another team's contacts. A pack is written in the language it is asked
/// for (words and numbers), its times in the organisation's time zone.
/// </summary>
public sealed class CoachingPackService(
    CxDbContext db,
    AgentScorecardService scorecards,
    CoachingOverviewService overview,
    OrganisationSettingsService organisation,
    IOptions<CoachingOptions> options,
    Surveys.PublicLinks links,
    TimeProvider clock)
{
    public const string DefinitionsPath = "/help/metrics#coaching";

    public static PackFormat ParseFormat(string? format) =>
        string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase) ? PackFormat.Xlsx : PackFormat.Pdf;

    public async Task<PackFile> AgentPackAsync(AgentRef agent, CoachingViewer viewer, DatePeriod period, PackFormat format, DocumentLanguage language,
        CancellationToken ct = default)
    {
        // The scorecard's own words (comparisons, rules, channel names) are gathered in the pack's language too.
        using var words = language.Use();
        var card = await scorecards.BuildAsync(agent, period, viewer, ct);
        var pack = await PackAsync(CoachingPackText.For(language).Format("Coaching pack: {0}", agent.Name), null, [card], period, viewer, language, ct);
        return Render(pack, $"coaching-{ExportFileNames.Slug(agent.Name)}-{Dates(period)}", format);
    }

    /// <summary>The team's pack; null when the team does not exist.</summary>
    public async Task<PackFile?> TeamPackAsync(int teamId, CoachingViewer viewer, DatePeriod period, PackFormat format, DocumentLanguage language,
        CancellationToken ct = default)
    {
        using var words = language.Use();
        var team = await overview.TeamAsync(teamId, viewer, period, ct);
        if (team is null) return null;
        var cards = new List<AgentScorecard>();
        // A page for every agent who worked in the period or has something open to follow up.
        foreach (var row in team.Agents.Where(r => r.Counts.Contacts > 0 || r.OpenActions > 0).Where(r => viewer.MayView(r.Agent)))
            cards.Add(await scorecards.BuildAsync(row.Agent, period, viewer, ct));
        var pack = await PackAsync(CoachingPackText.For(language).Format("Coaching pack: {0}", team.TeamName), team, cards, period, viewer, language, ct);
        return Render(pack, $"coaching-{ExportFileNames.Slug(team.TeamName)}-{Dates(period)}", format);
    }

    private async Task<CoachingPack> PackAsync(string title, TeamCoachingView? team, IReadOnlyList<AgentScorecard> cards, DatePeriod period,
        CoachingViewer viewer, DocumentLanguage language, CancellationToken ct)
    {
        var settings = await organisation.GetAsync(ct);
        var text = CoachingPackText.For(language);
        var generatedBy = await db.Users.Where(u => u.Id == viewer.UserId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        return new CoachingPack
        {
            Title = title,
            OrganisationName = settings.Name,
            Period = period,
            GeneratedAtUtc = clock.GetUtcNow().UtcDateTime,
            GeneratedBy = string.IsNullOrWhiteSpace(generatedBy) ? "CxDashboard" : generatedBy,
            Team = team,
            Agents = cards,
            AlertRule = CoachingAlertRules.DescribeRule(options.Value.Alerts),
            PatternRule = RepeatPatternRules.DescribeRule(options.Value.Patterns, settings.RepeatWindowDays),
            DefinitionsLink = links.ConfiguredBaseUrl is { } baseUrl ? $"{baseUrl}{DefinitionsPath}" : text.Format("{0} in CxDashboard (Definitions in the top bar)", DefinitionsPath),
            Language = language,
            TimeZone = (await organisation.GetTimeAsync(ct)).TimeZone,
        };
    }

    private PackFile Render(CoachingPack pack, string name, PackFormat format) => format == PackFormat.Xlsx
        ? new PackFile(name + ".xlsx", ExportFile.XlsxContentType, CoachingPackWorkbook.Write(pack))
        : new PackFile(name + ".pdf", "application/pdf", CoachingPackPdf.Render(pack, clock.GetUtcNow()));

    private static string Dates(DatePeriod period) =>
        $"{period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}-{period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}
