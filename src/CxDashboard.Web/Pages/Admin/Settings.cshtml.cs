using System.ComponentModel.DataAnnotations;
using CxDashboard.Web.Features.Admin;
using CxDashboard.Web.Features.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CxDashboard.Web.Pages.Admin;

public class SettingsModel(OrganisationSettingsService settings, IStringLocalizer<SettingsModel> text) : AdminPageModel
{
    // The messages are the framework's English ones, named so the validation resources can translate them.
    [BindProperty, Required(ErrorMessage = "The {0} field is required."), StringLength(200, ErrorMessage = "The field {0} must be a string with a maximum length of {1}.")]
    public string Name { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "The {0} field is required."), Display(Name = "Time zone")] public string TimeZoneId { get; set; } = "";

    [BindProperty, Range(1, 90, ErrorMessage = "The field {0} must be between {1} and {2}."), Display(Name = "Repeat window W (days)")]
    public int RepeatWindowDays { get; set; }

    public IReadOnlyList<string> TimeZones { get; } = TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/')).Order().ToList();

    public async Task OnGetAsync()
    {
        var current = await settings.GetAsync();
        (Name, TimeZoneId, RepeatWindowDays) = (current.Name, current.TimeZoneId, current.RepeatWindowDays);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!OrganisationTime.IsKnownTimeZone(TimeZoneId)) ModelState.AddModelError(nameof(TimeZoneId), text["Unknown time zone '{0}'.", TimeZoneId]);
        if (!ModelState.IsValid) return Page();
        await settings.SaveAsync(Name.Trim(), TimeZoneId, RepeatWindowDays);
        return BackWith(AdminResult.Done(text["Settings saved. Every page now uses them."]));
    }
}
