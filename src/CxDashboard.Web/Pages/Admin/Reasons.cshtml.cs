using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Pages.Admin;

public class ReasonsModel(CxDbContext db, MasterDataAdminService admin) : AdminPageModel
{
    public IReadOnlyList<(ContactReason Reason, int Contacts)> Reasons { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var counts = await db.Contacts.GroupBy(c => c.ReasonId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Reasons = (await db.ContactReasons.AsNoTracking().ToListAsync())
            .OrderByDescending(r => r.NeedsReview).ThenBy(r => r.Name)
            .Select(r => (r, counts.GetValueOrDefault(r.Id)))
            .ToList();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, string name, int complexity, bool needsReview) =>
        BackWith(await admin.UpdateReasonAsync(id, name ?? "", complexity, needsReview));
}
