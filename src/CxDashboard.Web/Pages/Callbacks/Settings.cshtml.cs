using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Callbacks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CxDashboard.Web.Pages.Callbacks;

/// <summary>The flagging rules, the SLA and its working-hours calendar (hours, days, holidays): administrators only.</summary>
[Authorize(Policy = Policies.Admin)]
public class SettingsModel(CallbackSettingsService settings, CallbackWorklistQuery worklist, IConfiguration configuration, IStringLocalizer<SettingsModel> text, TimeProvider clock) : PageModel
{
    [BindProperty] public CallbackSettingsInput Input { get; set; } = new();
    [TempData] public string? Message { get; set; }

    public CallbackConfiguration Configuration { get; private set; } = null!;
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];
    public FlaggingRunInfo? LastRun { get; private set; }
    public string FlagCron => configuration["Jobs:FlagCallbacks:Cron"] ?? "*/15 * * * *";
    public string EscalateCron => configuration["Jobs:EscalateOverdue:Cron"] ?? "*/15 * * * *";
    public int ThisYear { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = CallbackSettingsService.ToInput(Configuration);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var errors = await settings.SaveAsync(Input, ct);
        if (errors.Count == 0)
        {
            Message = text["Saved. New cases use these rules and this calendar; the due times of existing cases stay as they were."];
            return RedirectToPage();
        }
        foreach (var error in errors) ModelState.AddModelError(error.Field, error.Message);
        Errors = errors;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSwedishHolidaysAsync(CancellationToken ct)
    {
        var year = (await settings.GetAsync(ct)).Time.Today(clock).Year;
        var added = await settings.AddSwedishHolidaysAsync([year, year + 1], ct);
        Message = text["{0} Swedish public holiday(s) for {1} and {2} added to the calendar.", added, year, year + 1];
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Configuration = await settings.GetAsync(ct);
        LastRun = await worklist.LastFlaggingRunAsync(ct);
        ThisYear = Configuration.Time.Today(clock).Year;
    }
}
