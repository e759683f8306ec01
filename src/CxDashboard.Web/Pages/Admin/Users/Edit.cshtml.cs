using System.ComponentModel.DataAnnotations;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CxDashboard.Web.Pages.Admin.Users;

public class EditModel(CxDbContext db, UserManager<AppUser> users, UserAdminService userAdmin, IStringLocalizer<EditModel> text) : AdminPageModel
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty] public string DisplayName { get; set; } = "";
    [BindProperty] public List<string> SelectedRoles { get; set; } = [];
    [BindProperty] public List<int> TeamIds { get; set; } = [];
    [BindProperty] public bool Disabled { get; set; }
    [BindProperty, DataType(DataType.Password)] public string? NewPassword { get; set; }

    public string Email { get; private set; } = "";
    public IReadOnlyList<Team> Teams { get; private set; } = [];
    public bool IsSelf => Id == users.GetUserId(User);

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.FindByIdAsync(Id);
        if (user is null) return NotFound();
        Email = user.Email ?? "";
        DisplayName = user.DisplayName;
        SelectedRoles = (await users.GetRolesAsync(user)).ToList();
        TeamIds = await db.UserTeamScopes.Where(s => s.UserId == Id).Select(s => s.TeamId).ToListAsync();
        Disabled = user.IsDisabled;
        Teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (IsSelf && (Disabled || !SelectedRoles.Contains(Roles.Admin)))
            return BackWith(AdminResult.Refused(text["You cannot disable yourself or remove your own {0} role.", Features.Presentation.Vocabulary.Current.Role(Roles.Admin)]), new { Id });
        if (SelectedRoles.Count == 0)
            return BackWith(AdminResult.Refused(text["A user needs at least one role; disable the account instead."]), new { Id });
        var result = await userAdmin.UpdateAsync(Id, DisplayName.Trim(), SelectedRoles, TeamIds, Disabled);
        return BackWith(result.Succeeded ? AdminResult.Done(text["Saved."]) : AdminResult.Refused(string.Join(" ", result.Errors)), new { Id });
    }

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        if (string.IsNullOrWhiteSpace(NewPassword)) return BackWith(AdminResult.Refused(text["Enter the new password."]), new { Id });
        var result = await userAdmin.ResetPasswordAsync(Id, NewPassword);
        return BackWith(result.Succeeded ? AdminResult.Done(text["Password changed."]) : AdminResult.Refused(string.Join(" ", result.Errors)), new { Id });
    }
}
