using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Engagement;
using CxDashboard.Web.Features.Surveys;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CxDashboard.Web.Pages.Admin;

/// <summary>Each team's engagement pulse link: create, copy, replace (the old link then stops working).</summary>
[Authorize(Policy = Policies.Admin)]
public class PulseModel(PulseService pulse, PublicLinks links, Microsoft.Extensions.Options.IOptionsMonitor<PulseOptions> options) : PageModel
{
    public int AnswersAboveTeamSize => options.CurrentValue.AnswersAboveTeamSize;

    public IReadOnlyList<TeamPulseStatus> Teams { get; private set; } = [];
    public IReadOnlyList<PulseStatement> Statements => pulse.Statements.All;
    public DateOnly Period { get; private set; }
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostRenewAsync(int teamId, CancellationToken ct)
    {
        var had = (await pulse.ListAsync(ct)).FirstOrDefault(t => t.TeamId == teamId);
        if (had is null) return NotFound();
        await pulse.RenewLinkAsync(teamId, ct);
        await LoadAsync(ct);
        Message = had.Token is null
            ? $"{had.Team} has a pulse link now. Share it with the team only."
            : $"{had.Team} has a new pulse link; the old one no longer works. Answers already given are kept.";
        return Page();
    }

    public string LinkFor(string token) => links.Absolute(PulseService.PathFor(token), Request);

    private async Task LoadAsync(CancellationToken ct)
    {
        Teams = await pulse.ListAsync(ct);
        Period = await pulse.CurrentPeriodAsync(ct);
    }
}
