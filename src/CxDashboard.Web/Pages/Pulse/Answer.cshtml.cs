using System.Globalization;
using CxDashboard.Web.Features.Api;
using CxDashboard.Web.Features.Engagement;
using CxDashboard.Web.Features.Presentation;
using CxDashboard.Web.Features.Security;
using CxDashboard.Web.Features.Surveys;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace CxDashboard.Web.Pages.Pulse;

/// <summary>
/// The anonymous engagement pulse at /pulse/{team token}. A cookie holding only the month discourages a second
/// answer from the same browser; it is not stored with the answer and identifies no one. The service limits answers
/// per client address and per team-month as well.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimitPolicies.PerIpAddress)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class AnswerModel(PulseService pulse, IStringLocalizer<SurveyText> text, Vocabulary words, TimeProvider clock) : PageModel
{
    [FromRoute] public string Token { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? Lang { get; set; }
    [BindProperty] public int? Enps { get; set; }

    /// <summary>Item number → 1–5 (q1…q10).</summary>
    [BindProperty] public Dictionary<int, int?> Items { get; set; } = [];

    public SurveyText Text { get; private set; } = null!;
    public string? TeamName { get; private set; }
    public DateOnly Period { get; private set; }
    public IReadOnlyList<PulseStatement> Statements => pulse.Statements.All;
    public bool AlreadyAnswered { get; private set; }
    public bool JustAnswered { get; private set; }
    public PulseSubmitOutcome? Problem { get; private set; }

    /// <summary>The answer was turned away by a limit (team full, or too many from this address).</summary>
    public PulseSubmitOutcome? Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool done, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFoundPage();
        JustAnswered = done && AlreadyAnswered;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFoundPage();
        if (AlreadyAnswered) return Page();

        var outcome = await pulse.SubmitAsync(Token, new PulseSubmission(Enps, Items), ClientAddress.Of(HttpContext), ct);
        if (outcome == PulseSubmitOutcome.Unknown) return NotFoundPage();
        if (outcome is PulseSubmitOutcome.TeamFull or PulseSubmitOutcome.AddressBusy)
        {
            Refused = outcome;
            var refused = Page();
            refused.StatusCode = outcome == PulseSubmitOutcome.AddressBusy ? StatusCodes.Status429TooManyRequests : StatusCodes.Status409Conflict;
            return refused;
        }
        if (outcome != PulseSubmitOutcome.Accepted)
        {
            Problem = outcome;
            return Page();
        }
        var nextMonth = new DateTimeOffset(Period.AddMonths(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        Response.Cookies.Append(CookieName, PulseService.PeriodName(Period), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = Request.IsHttps,
            IsEssential = true,
            Path = "/pulse",
            // A lifetime rather than a date, so a browser with a wrong clock keeps it too; a few days into the next
            // month so a time-zone difference never reopens the old month.
            MaxAge = nextMonth.AddDays(3) - clock.GetUtcNow(),
        });
        return Redirect($"/pulse/{Uri.EscapeDataString(Token)}?done=true&lang={Text.Language}");
    }

    /// <summary>One cookie per team, whose value is the month answered: nothing that tells people apart.</summary>
    private string CookieName => $"cx-pulse-{TeamId.ToString(CultureInfo.InvariantCulture)}";

    private int TeamId { get; set; }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Text = SurveyText.From(text, words, Lang);
        if (await pulse.FindTeamAsync(Token, ct) is not { } team) return false;
        (TeamId, TeamName) = team;
        Period = await pulse.CurrentPeriodAsync(ct);
        AlreadyAnswered = Request.Cookies[CookieName] == PulseService.PeriodName(Period);
        return true;
    }

    private PageResult NotFoundPage()
    {
        TeamName = null;
        var page = Page();
        page.StatusCode = StatusCodes.Status404NotFound;
        return page;
    }

    public string MonthName => Period.ToString("MMMM yyyy", CultureInfo.GetCultureInfo(Text.Culture));
}
