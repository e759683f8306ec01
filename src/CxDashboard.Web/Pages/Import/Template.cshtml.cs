using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Imports;
using CxDashboard.Web.Features.Ingestion;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Pages.Import;

/// <summary>A template file for one import kind (header row and one example row), as CSV or XLSX.</summary>
[Authorize(Policy = Policies.ManageData)]
public class TemplateModel(CxDbContext db, UserScopeService scopes) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string kind, string format, CancellationToken ct)
    {
        var wanted = format.ToLowerInvariant();
        if (!ImportSchemas.TryParseKind(kind, out var importKind) || !ImportTemplates.Formats.Contains(wanted)) return NotFound();
        var scope = await scopes.ScopeForAsync(User, ct);
        var teams = db.Teams.AsNoTracking();
        if (scope.TeamIds is { } allowed)
        {
            var ids = allowed.ToList();
            teams = teams.Where(t => ids.Contains(t.Id));
        }
        var team = await teams.OrderBy(t => t.Name).Select(t => t.Name).FirstOrDefaultAsync(ct) ?? ImportTemplates.DefaultTeam;
        var bytes = await ImportTemplates.BuildAsync(importKind, wanted, team, ct);
        return File(bytes, ImportTemplates.ContentType(wanted), ImportTemplates.FileName(importKind, wanted));
    }
}
