using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Callbacks;
using CxDashboard.Web.Features.Surveys;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CxDashboard.Web.Pages.Callbacks;

/// <summary>One case with everything needed for the call, and the forms to claim, log attempts, close and follow up.</summary>
[Authorize(Policy = Policies.WorkCallbacks)]
public class CaseModel(
    CallbackWorklistQuery query,
    CallbackChoicesQuery choices,
    CallbackActorFactory actors,
    CallbackCaseService cases,
    CallbackSettingsService settings,
    CustomerChangeHistory customerChanges,
    PublicLinks links,
    IStringLocalizer<CaseModel> text,
    TimeProvider clock) : PageModel
{
    public sealed class AttemptForm
    {
        [Display(Name = "When")] public DateTime? AttemptedAt { get; set; }
        [Display(Name = "How")] public CallbackChannel? Channel { get; set; }
        [Display(Name = "What happened")] public CallbackAttemptResult? Result { get; set; }
        [Display(Name = "Note")] public string? Note { get; set; }
    }

    public sealed class CloseForm
    {
        public CallbackOutcome? Outcome { get; set; }
        public int? RootCauseReasonId { get; set; }
        public string? Note { get; set; }
        public bool SendFollowUp { get; set; }
    }

    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty] public AttemptForm Attempt { get; set; } = new();
    [BindProperty] public CloseForm Close { get; set; } = new();
    [BindProperty] public string? AssigneeId { get; set; }

    [TempData] public string? Message { get; set; }
    [TempData] public bool MessageIsError { get; set; }

    /// <summary>A follow-up survey link just made, shown after the redirect this once (the database keeps only its hash).</summary>
    [TempData] public string? NewFollowUpLink { get; set; }

    /// <summary>Why no follow-up link can be made, when configuration names no public address.</summary>
    public string? LinksUnavailable => links.CanMakeLinks(Request) ? null : text[PublicLinks.NotConfigured].Value;

    public CaseDetail Detail { get; private set; } = null!;
    public IReadOnlyList<CustomerChangeView> CustomerChanges { get; private set; } = [];
    public WorklistChoices Choices { get; private set; } = null!;
    public CallbackConfiguration Configuration { get; private set; } = null!;
    public CallbackActor Actor { get; private set; } = null!;
    public DateTime NowUtc { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        RestoreRefusedInput();
        return await ShowAsync(ct);
    }

    public Task<IActionResult> OnPostClaimAsync(CancellationToken ct) => RunAsync((actor, token) => cases.ClaimAsync(Id, actor, token), ct);

    public Task<IActionResult> OnPostReleaseAsync(CancellationToken ct) => RunAsync((actor, token) => cases.ReleaseAsync(Id, actor, token), ct);

    public Task<IActionResult> OnPostAssignAsync(CancellationToken ct) =>
        RunAsync((actor, token) => cases.AssignAsync(Id, string.IsNullOrEmpty(AssigneeId) ? null : AssigneeId, actor, token), ct);

    public Task<IActionResult> OnPostAttemptAsync(CancellationToken ct) =>
        RunAsync((actor, token) => cases.LogAttemptAsync(Id, new AttemptInput(Attempt.AttemptedAt, Attempt.Channel, Attempt.Result, Attempt.Note), actor, token), ct);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) => Close.SendFollowUp && LinksUnavailable is not null
        ? RunAsync((_, _) => Task.FromResult(CaseCommandResult.Invalid([new("Close.SendFollowUp", LinksUnavailable)], text["Please correct the marked fields."])), ct)
        : RunAsync((actor, token) => cases.CloseAsync(Id, new CloseInput(Close.Outcome, Close.RootCauseReasonId, Close.Note, Close.SendFollowUp), actor, token), ct);

    public Task<IActionResult> OnPostFollowUpAsync(CancellationToken ct) => LinksUnavailable is { } problem
        ? RunAsync((_, _) => Task.FromResult(CaseCommandResult.Refused(problem)), ct)
        : RunAsync((actor, token) => cases.CreateFollowUpAsync(Id, actor, token), ct);

    /// <summary>
    /// Runs a command, then back to the case's own address (post/redirect/get), also on invalid input: the input and the
    /// messages travel in TempData, so the address never stays on a handler and a reload does not post again.
    /// </summary>
    private async Task<IActionResult> RunAsync(Func<CallbackActor, CancellationToken, Task<CaseCommandResult>> command, CancellationToken ct)
    {
        var result = await command(await actors.ForAsync(User, ct), ct);
        Message = result.Message;
        MessageIsError = !result.Succeeded;
        if (result.Errors.Count == 0)
        {
            if (result.NewLinkPath is { } path) NewFollowUpLink = links.Absolute(path, Request);
            return RedirectToPage(null, null, new { Id }, null);
        }
        TempData[RefusedInputKey] = JsonSerializer.Serialize(new RefusedInput(Attempt, Close, AssigneeId, [.. result.Errors]));
        // Back at the form that was refused.
        var form = result.Errors[0].Field.Split('.')[0] switch { "Attempt" => "attempt-heading", "Close" => "close-heading", _ => "call-heading" };
        return RedirectToPage(null, null, new { Id }, form);
    }

    private const string RefusedInputKey = "Callbacks.Case.RefusedInput";

    private sealed record RefusedInput(AttemptForm Attempt, CloseForm Close, string? AssigneeId, List<FieldError> Errors);

    /// <summary>The input a command refused, back in the forms with its messages.</summary>
    private void RestoreRefusedInput()
    {
        if (TempData[RefusedInputKey] is not string json || JsonSerializer.Deserialize<RefusedInput>(json) is not { } refused) return;
        (Attempt, Close, AssigneeId) = (refused.Attempt, refused.Close, refused.AssigneeId);
        foreach (var error in refused.Errors) ModelState.AddModelError(error.Field, error.Message);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Actor = await actors.ForAsync(User, ct);
        var detail = await query.GetCaseAsync(Id, Actor, ct);
        if (detail is null) return NotFound();
        Detail = detail;
        CustomerChanges = await customerChanges.ForCaseAsync(Id, Actor, ct);
        Choices = await choices.GetAsync(Actor, ct);
        Configuration = await settings.GetAsync(ct);
        NowUtc = clock.GetUtcNow().UtcDateTime;
        return Page();
    }

    /// <summary>"now" in local time for the attempt form, to the minute.</summary>
    public string LocalNowInputValue()
    {
        var local = Configuration.Time.ToLocal(NowUtc);
        return Attempt.AttemptedAt?.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture)
               ?? local.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
    }
}
