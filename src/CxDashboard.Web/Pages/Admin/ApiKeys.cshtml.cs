using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Api;
using CxDashboard.Web.Features.Organisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Pages.Admin;

/// <summary>API keys for systems that use /api/v1: create (the key is shown once), see when each was last used, revoke.</summary>
[Authorize(Policy = Policies.Admin)]
public class ApiKeysModel(ApiKeyService keys, OrganisationSettingsService organisation, IOptionsSnapshot<ApiOptions> options, IStringLocalizer<ApiKeysModel> text) : PageModel
{
    public int PermitsPerMinute => options.Value.RateLimit.PermitsPerMinute;

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public ApiKeyScope Scope { get; set; } = ApiKeyScope.Read;

    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];
    public TimeZoneInfo TimeZone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>The new key's full text, on the page that created it only.</summary>
    public CreatedApiKey? Created { get; private set; }
    public string? Message { get; private set; }
    public string? NameError { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Name)) NameError = text["Give the key a name that says which system uses it."];
        else if (Name.Trim().Length > 200) NameError = text["The name can be at most {0} characters.", 200];
        if (NameError is null && Enum.IsDefined(Scope)) Created = await keys.CreateAsync(Name!, Scope, ct);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        var revoked = await keys.RevokeAsync(id, ct);
        await LoadAsync(ct);
        var key = Keys.FirstOrDefault(k => k.Id == id);
        Message = revoked && key is not null ? text["The key \"{0}\" is revoked: requests with it now get 401.", key.Name] : text["That key was revoked already."];
        return Page();
    }

    public string When(DateTime? utc) => utc is { } value ? Features.Presentation.Display.DateTime(value, TimeZone) : text["never"];

    private async Task LoadAsync(CancellationToken ct)
    {
        Keys = await keys.ListAsync(ct);
        TimeZone = (await organisation.GetTimeAsync(ct)).TimeZone;
    }
}
