using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Maturity.Model;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CxDashboard.Web.Pages.Maturity.Model;

/// <summary>The model as data: the current version (or any earlier one) and the version history.</summary>
[Authorize(Policy = Policies.ViewMaturity)]
public class IndexModel(MaturityModelService models) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Version { get; set; }
    [TempData] public string? Message { get; set; }

    public MaturityModelSnapshot Shown { get; private set; } = null!;
    public int CurrentVersion { get; private set; }
    public IReadOnlyList<MaturityModelVersionInfo> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var current = await models.GetCurrentAsync(ct);
        var shown = Version is { } v ? await models.GetByNumberAsync(v, ct) : current;
        if (shown is null) return NotFound();
        (Shown, CurrentVersion, Versions) = (shown, current.Version, await models.VersionsAsync(ct));
        return Page();
    }
}
