using System.Security.Claims;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Maturity.Rounds;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CxDashboard.Web.Pages.Maturity.Rounds;

/// <summary>A rater's sheet: score every statement 1–5 or "don't know", comment, save and come back, submit.</summary>
[Authorize(Policy = Policies.RateMaturity)]
public class RateModel(MaturityRoundService rounds, IStringLocalizer<RateModel> text) : PageModel
{
    /// <summary>By statement key: "1"–"5" or "dk" (form fields Answers[key]).</summary>
    public Dictionary<string, string?> Answers { get; private set; } = [];

    /// <summary>By capability key (form fields Comments[key]).</summary>
    public Dictionary<string, string?> Comments { get; private set; } = [];

    public RatingSheet Sheet { get; private set; } = null!;
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public IReadOnlySet<string> Missing { get; private set; } = new HashSet<string>();
    [TempData] public string? Message { get; set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var sheet = await LoadAsync(id, ct);
        if (sheet is not null)
        {
            Answers = sheet.Answers.ToDictionary(a => a.Key, a => (string?)(a.Value?.ToString() ?? MaturityRoundService.DontKnow));
            Comments = sheet.Comments.ToDictionary(c => c.Key, c => (string?)c.Value);
        }
        return sheet is null ? await RefuseAsync(id, ct) : Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string? intent, CancellationToken ct)
    {
        Answers = FormFields("Answers");
        Comments = FormFields("Comments");
        var submit = intent == "submit";
        var result = await rounds.SaveAsync(id, UserId, Answers, Comments, submit, ct);
        var sheet = await LoadAsync(id, ct);
        if (sheet is null) return await RefuseAsync(id, ct);
        if (!result.Saved || (submit && !result.Submitted))
        {
            // Show the sheet as posted, so nothing typed is lost; what was saved is said in the errors.
            Errors = result.Errors;
            Missing = result.MissingStatementKeys.ToHashSet();
            return Page();
        }
        if (result.Submitted)
        {
            Message = text["Your ratings are submitted. Thank you: they count in the round's results."];
            return Redirect($"/Maturity/Rounds/{id}");
        }
        var answered = sheet.StatementCount - result.MissingStatementKeys.Count;
        Message = text["Saved: {0} of {1} statements answered. Come back any time before the round closes.", answered, sheet.StatementCount];
        return Redirect($"/Maturity/Rounds/{id}/Rate");
    }

    /// <summary>
    /// The posted "Prefix[key]" fields by key. Read by hand: a dictionary bound by the model binder takes every form field
    /// when none carries the prefix (e.g. a sheet posted without comments).
    /// </summary>
    private Dictionary<string, string?> FormFields(string prefix) =>
        Request.Form.Where(f => f.Key.StartsWith(prefix + "[", StringComparison.Ordinal) && f.Key.EndsWith(']'))
            .ToDictionary(f => f.Key[(prefix.Length + 1)..^1], f => (string?)f.Value.ToString());

    private async Task<RatingSheet?> LoadAsync(int id, CancellationToken ct)
    {
        var sheet = await rounds.GetSheetAsync(id, UserId, ct);
        if (sheet is not null) Sheet = sheet;
        return sheet;
    }

    private async Task<IActionResult> RefuseAsync(int id, CancellationToken ct) =>
        await rounds.GetSummaryAsync(id, ct) is null ? NotFound() : Forbid();
}
