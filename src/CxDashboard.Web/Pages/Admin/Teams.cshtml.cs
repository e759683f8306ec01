using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Pages.Admin;

public sealed record TeamRow(int Id, string Name, bool IsActive, int Agents, int Managers);

public class TeamsModel(CxDbContext db, MasterDataAdminService admin) : AdminPageModel
{
    public IReadOnlyList<TeamRow> Teams { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var agents = await db.Agents.Where(a => a.TeamId != null).GroupBy(a => a.TeamId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var managers = await db.UserTeamScopes.GroupBy(s => s.TeamId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Teams = (await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync())
            .Select(t => new TeamRow(t.Id, t.Name, t.IsActive, agents.GetValueOrDefault(t.Id), managers.GetValueOrDefault(t.Id)))
            .ToList();
    }

    public async Task<IActionResult> OnPostAddAsync(string name) => BackWith(await admin.AddTeamAsync(name ?? ""));

    public async Task<IActionResult> OnPostSaveAsync(int id, string name, bool isActive) =>
        BackWith(await admin.UpdateTeamAsync(id, name ?? "", isActive));
}
