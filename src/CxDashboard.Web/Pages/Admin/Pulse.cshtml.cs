using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Engagement;
using CxDashboard.Web.Features.Surveys;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Pages.Admin;

/// <summary>
/// Each team's engagement pulse link: create or replace (the old link then stops working). A link is shown once, when
/// it is made: only its hash is kept.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public class PulseModel(PulseService pulse, PublicLinks links, IOptionsMonitor<PulseOptions> options, IStringLocalizer<PulseModel> text) : PageModel
{
    public IReadOnlyList<TeamPulseStatus> Teams { get; private set; } = [];
    public IReadOnlyList<PulseStatement> Statements => pulse.Statements.All;
    public DateOnly Period { get; private set; }
    public string? Message { get; private set; }
    public int AnswersAboveTeamSize => options.CurrentValue.AnswersAboveTeamSize;

    /// <summary>The team whose link was just made, and the link (shown this once).</summary>
    public (int TeamId, string Url)? NewLink { get; private set; }

    /// <summary>Why links cannot be made here, when configuration names no public address.</summary>
    public string? LinksUnavailable => links.CanMakeLinks(Request) ? null : text[PublicLinks.NotConfigured].Value;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostRenewAsync(int teamId, CancellationToken ct)
    {
        var had = (await pulse.ListAsync(ct)).FirstOrDefault(t => t.TeamId == teamId);
        if (had is null) return NotFound();
        if (LinksUnavailable is not null)
        {
            await LoadAsync(ct);
            return Page();
        }
        var token = await pulse.RenewLinkAsync(teamId, ct);
        await LoadAsync(ct);
        NewLink = (teamId, links.Absolute(PulseService.PathFor(token), Request));
        Message = had.HasLink
            ? text["{0} has a new pulse link; the old one no longer works. Answers already given are kept. Copy the link now: it is not shown again.", had.Team]
            : text["{0} has a pulse link now. Copy it now (it is not shown again) and share it with the team only.", had.Team];
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Teams = await pulse.ListAsync(ct);
        Period = await pulse.CurrentPeriodAsync(ct);
    }
}
