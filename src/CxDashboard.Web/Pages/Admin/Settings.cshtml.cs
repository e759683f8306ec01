using System.ComponentModel.DataAnnotations;
using CxDashboard.Web.Features.Admin;
using CxDashboard.Web.Features.Organisation;
using Microsoft.AspNetCore.Mvc;

namespace CxDashboard.Web.Pages.Admin;

public class SettingsModel(OrganisationSettingsService settings) : AdminPageModel
{
    [BindProperty, Required, StringLength(200)] public string Name { get; set; } = "";
    [BindProperty, Required, Display(Name = "Time zone")] public string TimeZoneId { get; set; } = "";
    [BindProperty, Range(1, 90), Display(Name = "Repeat window W (days)")] public int RepeatWindowDays { get; set; }

    public IReadOnlyList<string> TimeZones { get; } = TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/')).Order().ToList();

    public async Task OnGetAsync()
    {
        var current = await settings.GetAsync();
        (Name, TimeZoneId, RepeatWindowDays) = (current.Name, current.TimeZoneId, current.RepeatWindowDays);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!OrganisationTime.IsKnownTimeZone(TimeZoneId)) ModelState.AddModelError(nameof(TimeZoneId), $"Unknown time zone '{TimeZoneId}'.");
        if (!ModelState.IsValid) return Page();
        await settings.SaveAsync(Name.Trim(), TimeZoneId, RepeatWindowDays);
        return BackWith(AdminResult.Done("Settings saved. Every page now uses them."));
    }
}
