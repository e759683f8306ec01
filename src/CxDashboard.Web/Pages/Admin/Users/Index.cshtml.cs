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

public sealed record UserRow(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Teams, bool Disabled, string? Agent);

public class IndexModel(CxDbContext db, UserManager<AppUser> users, UserAdminService userAdmin, IStringLocalizer<IndexModel> text) : AdminPageModel
{
    public IReadOnlyList<UserRow> Users { get; private set; } = [];
    public IReadOnlyList<Team> Teams { get; private set; } = [];

    [BindProperty] public NewUser Input { get; set; } = new();

    public sealed class NewUser
    {
        // The messages are the framework's English ones, named so the validation resources can translate them.
        [Required(ErrorMessage = "The {0} field is required."), EmailAddress(ErrorMessage = "The {0} field is not a valid e-mail address."), Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "The {0} field is required."), StringLength(200, ErrorMessage = "The field {0} must be a string with a maximum length of {1}."), Display(Name = "Name")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "The {0} field is required."), DataType(DataType.Password), Display(Name = "Initial password")]
        [StringLength(100, MinimumLength = 8, ErrorMessage = "The field {0} must be a string with a minimum length of {2} and a maximum length of {1}.")]
        public string Password { get; set; } = "";
        public List<string> Roles { get; set; } = [];
        public List<int> TeamIds { get; set; } = [];
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (Input.Roles.Count == 0) ModelState.AddModelError("Input.Roles", text["Choose at least one role."]);
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var result = await userAdmin.CreateAsync(Input.Email.Trim(), Input.Password, Input.DisplayName.Trim(), Input.Roles, Input.TeamIds);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError(string.Empty, error);
            await LoadAsync();
            return Page();
        }
        return BackWith(AdminResult.Done(text["User {0} created.", Input.Email]));
    }

    private async Task LoadAsync()
    {
        Teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync();
        var teamNames = Teams.ToDictionary(t => t.Id, t => t.Name);
        var scopes = await db.UserTeamScopes.AsNoTracking().ToListAsync();
        var agents = await db.Agents.AsNoTracking().Where(a => a.UserId != null).ToDictionaryAsync(a => a.UserId!, a => a.Name);
        var rows = new List<UserRow>();
        foreach (var user in await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync())
        {
            rows.Add(new UserRow(user.Id, user.Email ?? "", user.DisplayName, (await users.GetRolesAsync(user)).Order().ToList(),
                scopes.Where(s => s.UserId == user.Id).Select(s => teamNames.GetValueOrDefault(s.TeamId, "?")).Order().ToList(),
                user.IsDisabled, agents.GetValueOrDefault(user.Id)));
        }
        Users = rows;
    }
}
