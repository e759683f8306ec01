using CxDashboard.Web.Features.Api;
using CxDashboard.Web.Features.Presentation;
using CxDashboard.Web.Features.Surveys;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace CxDashboard.Web.Pages.Surveys;

/// <summary>The hosted post-contact survey at /s/{token}: no login, one answer per link.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimitPolicies.PerIpAddress)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class AnswerModel(SurveyAnswerService surveys, IStringLocalizer<SurveyText> text, Vocabulary words) : PageModel
{
    [FromRoute] public string Token { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? Lang { get; set; }
    [BindProperty] public int? Csat { get; set; }
    [BindProperty] public bool? Resolved { get; set; }
    [BindProperty] public int? Nps { get; set; }
    [BindProperty] public string? Comment { get; set; }

    public SurveyContext Survey { get; private set; } = null!;
    public SurveyText Text { get; private set; } = null!;
    public IReadOnlyList<SurveyAnswerField> Problems { get; private set; } = [];

    /// <summary>Shown right after this visitor's own answer, instead of "already answered".</summary>
    public bool JustAnswered { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool done, CancellationToken ct)
    {
        await LoadAsync(ct);
        JustAnswered = done && Survey.State == SurveyState.Answered;
        return Answer();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var answer = new SurveyAnswer(Csat, Resolved, Nps, Comment);
        Problems = SurveyAnswerRules.Problems(answer);
        if (Survey.State != SurveyState.Open || Problems.Count > 0) return Answer();

        var outcome = await surveys.SubmitAsync(Token, answer, ct);
        if (outcome == SubmitOutcome.Accepted) return Redirect($"/s/{Uri.EscapeDataString(Token)}?done=true&lang={Text.Language}");
        await LoadAsync(ct); // answered or expired meanwhile: show why
        return Answer();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Survey = await surveys.FindAsync(Token, ct);
        Text = SurveyText.From(text, words, Lang ?? Survey.Language);
    }

    private PageResult Answer()
    {
        var page = Page();
        page.StatusCode = Survey.State switch
        {
            SurveyState.Unknown => StatusCodes.Status404NotFound,
            SurveyState.Expired => StatusCodes.Status410Gone,
            SurveyState.Answered when !JustAnswered && HttpMethods.IsPost(Request.Method) => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status200OK,
        };
        return page;
    }

    public string Message(SurveyAnswerField field) => field switch
    {
        SurveyAnswerField.Csat => Text.CsatMissing,
        SurveyAnswerField.Resolved => Text.ResolvedMissing,
        SurveyAnswerField.Nps => Text.NpsOutOfRange,
        _ => Text.CommentTooLong,
    };

    public static string FieldAnchor(SurveyAnswerField field) => field switch
    {
        SurveyAnswerField.Csat => "csat-1",
        SurveyAnswerField.Resolved => "resolved-yes",
        SurveyAnswerField.Nps => "nps-0",
        _ => "comment",
    };

    public bool HasProblem(SurveyAnswerField field) => Problems.Contains(field);
}
