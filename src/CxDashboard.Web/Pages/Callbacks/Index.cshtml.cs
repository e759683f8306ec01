using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Callbacks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CxDashboard.Web.Pages.Callbacks;

/// <summary>The callback worklist: an inbox of dissatisfied customers, most urgent first, with one-click claim.</summary>
[Authorize(Policy = Policies.WorkCallbacks)]
public class IndexModel(
    CallbackWorklistQuery worklist,
    CallbackChoicesQuery choices,
    CallbackActorFactory actors,
    CallbackCaseService cases,
    CallbackSettingsService settings,
    ScopedFilters scopedFilters,
    IStringLocalizer<IndexModel> text,
    TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int? Team { get; set; }
    [BindProperty(SupportsGet = true)] public int? Reason { get; set; }
    [BindProperty(SupportsGet = true)] public string? Assignee { get; set; }
    [BindProperty(SupportsGet = true)] public bool Mine { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    [TempData] public string? Message { get; set; }
    [TempData] public bool MessageIsError { get; set; }

    public Worklist List { get; private set; } = null!;
    public WorklistChoices Choices { get; private set; } = null!;
    public CallbackConfiguration Configuration { get; private set; } = null!;
    public CallbackActor Actor { get; private set; } = null!;
    public WorklistFilter Filter { get; private set; } = null!;
    public FlaggingRunInfo? LastRun { get; private set; }
    public DateTime NowUtc { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Actor = await actors.ForAsync(User, ct);
        await scopedFilters.CheckTeamAsync(Team, Actor.TeamIds, ct);
        Filter = new WorklistFilter { Status = Status, Team = Team, Reason = Reason, Assignee = Assignee, Mine = Mine, Search = Q, Page = PageNumber };
        List = await worklist.GetAsync(Filter, Actor, ct);
        Choices = await choices.GetAsync(Actor, ct);
        Configuration = await settings.GetAsync(ct);
        LastRun = await worklist.LastFlaggingRunAsync(ct);
        NowUtc = clock.GetUtcNow().UtcDateTime;
    }

    public async Task<IActionResult> OnPostClaimAsync(long caseId, string? returnUrl, CancellationToken ct)
    {
        var result = await cases.ClaimAsync(caseId, await actors.ForAsync(User, ct), ct);
        Message = result.Succeeded ? text["Case {0}: {1}", caseId, result.Message] : text["Case {0} was not claimed: {1}", caseId, result.Message];
        MessageIsError = !result.Succeeded;
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/Callbacks");
    }

    /// <summary>This list's URL with one filter changed (and back to the first page).</summary>
    public string Link(Func<WorklistFilter, WorklistFilter> change) => WorklistLinks.For(change(Filter with { Page = 1 }));
}
