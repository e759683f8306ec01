using System.Security.Claims;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Exports;
using CxDashboard.Web.Features.Maturity;
using CxDashboard.Web.Features.Maturity.Export;
using CxDashboard.Web.Features.Maturity.Model;
using CxDashboard.Web.Features.Maturity.Rounds;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CxDashboard.Web.Pages.Maturity.Rounds;

[Authorize(Policy = Policies.ViewMaturity)]
public class DetailsModel(MaturityPageQueries queries, MaturityRoundService rounds, MaturityExportService export, ExportGate exports, IAuthorizationService authorization, IStringLocalizer<DetailsModel> text) : PageModel
{
    public MaturityRoundPage View { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public bool IsAdmin => User.IsInRole(Roles.Admin);
    [TempData] public string? Message { get; set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await ShowAsync(id, ct);

    public async Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.RateMaturity)).Succeeded) return Forbid();
        var result = await rounds.CloseAsync(id, User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct);
        if (!result.Succeeded)
        {
            Error = string.Join(" ", result.Errors.Values);
            return await ShowAsync(id, ct);
        }
        Message = text["The round is closed: its results and ratings are now final."];
        return RedirectToPage(new { id });
    }

    /// <summary>The round as a workbook; individual ratings only in an administrator's export.</summary>
    public async Task<IActionResult> OnGetExportAsync(int id, CancellationToken ct)
    {
        using var slot = exports.Enter(User);
        var file = await export.ExportAsync(id, IsAdmin, LocalizedText.CurrentLanguage, ct);
        return file is null ? NotFound() : File(file.Content, MaturityExportFile.ContentType, file.FileName);
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken ct)
    {
        var view = await queries.RoundAsync(id, User, ct);
        if (view is null) return NotFound();
        View = view;
        CanManage = (await authorization.AuthorizeAsync(User, Policies.RateMaturity)).Succeeded;
        return Page();
    }
}
