using System.Globalization;
using CxDashboard.Web.Features.Coaching;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CxDashboard.Web.Pages.Coaching;

/// <summary>The period filter shared by the coaching pages (preset or custom dates, in the query string) and the viewer.</summary>
public abstract class CoachingPageModel(CoachingAccess access, OrganisationSettingsService organisation, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public DatePeriod SelectedPeriod { get; private set; } = null!;
    public string PresetKey { get; private set; } = PeriodPresets.Default;
    public CoachingViewer Viewer { get; private set; } = null!;

    protected CoachingAccess Access => access;

    protected async Task LoadViewerAndPeriodAsync(CancellationToken ct)
    {
        Viewer = await access.ViewerAsync(User, ct);
        var today = (await organisation.GetTimeAsync(ct)).Today(clock);
        (SelectedPeriod, PresetKey) = PeriodPresets.Choose(Period, From, To, today);
    }

    /// <summary>The period part of a link, so a team, agent or pack link keeps the period on screen.</summary>
    public string PeriodQuery() => PresetKey == PeriodPresets.Custom
        ? $"from={SelectedPeriod.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&to={SelectedPeriod.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
        : $"period={PresetKey}";
}
