using AngleSharp.Dom;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Maturity.Model;
using CxDashboard.Web.Features.Maturity.Rounds;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Maturity;

/// <summary>One rater's sheet for a test round: an answer per statement ("1"–"5" or "dk") and comments by capability.</summary>
public sealed record TestSheet(string Email, IReadOnlyDictionary<string, string?> Answers, IReadOnlyDictionary<string, string?>? Comments = null);

/// <summary>Rounds for tests, made through the real round service (open, save and submit per rater, close).</summary>
public static class MaturityTestData
{
    /// <summary>A client signed in through the login form as a user the test created.</summary>
    public static async Task<HttpClient> SignInAsync(this CxAppFactory app, string email)
    {
        var client = app.NewClient();
        await Html.SignInAsync(client, email, CxAppFactory.Password);
        return client;
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CxDashboard.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Repository root not found.");
    }

    public static Task<string> UserIdAsync(CxAppFactory app, string email) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public static Task<MaturityModelDefinition> CurrentModelAsync(CxAppFactory app) =>
        app.WithScopeAsync(async sp => (await sp.GetRequiredService<MaturityModelService>().GetCurrentAsync()).Definition);

    /// <summary>Answers for every statement: <paramref name="answer"/> gets the capability key and the statement's position (0-based).</summary>
    public static Dictionary<string, string?> Answers(MaturityModelDefinition model, Func<string, int, string?> answer) =>
        model.Capabilities.SelectMany(c => c.Statements.Select((s, i) => (s.Key, Value: answer(c.Key, i)))).ToDictionary(x => x.Key, x => x.Value);

    public static async Task<int> OpenRoundAsync(CxAppFactory app, string name, DateOnly date, IEnumerable<string> raterEmails, Func<string, int>? target = null)
    {
        var model = await CurrentModelAsync(app);
        var raterIds = new List<string>();
        foreach (var email in raterEmails) raterIds.Add(await UserIdAsync(app, email));
        var openerId = raterIds[0];
        return await app.WithScopeAsync(async sp =>
        {
            var result = await sp.GetRequiredService<MaturityRoundService>().OpenAsync(new MaturityRoundForm
            {
                Name = name,
                AssessedOn = date,
                RaterUserIds = raterIds,
                Targets = model.Capabilities.ToDictionary(c => c.Key, c => (int?)(target?.Invoke(c.Key) ?? 3)),
            }, openerId);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
            return result.Id!.Value;
        });
    }

    public static async Task SubmitAsync(CxAppFactory app, int roundId, TestSheet sheet)
    {
        var userId = await UserIdAsync(app, sheet.Email);
        await app.WithScopeAsync(async sp =>
        {
            var saved = await sp.GetRequiredService<MaturityRoundService>()
                .SaveAsync(roundId, userId, sheet.Answers, sheet.Comments ?? new Dictionary<string, string?>(), submit: true);
            Assert.True(saved.Submitted, string.Join("; ", saved.Errors));
        });
    }

    public static async Task CloseAsync(CxAppFactory app, int roundId, string byEmail)
    {
        var userId = await UserIdAsync(app, byEmail);
        await app.WithScopeAsync(async sp =>
        {
            var closed = await sp.GetRequiredService<MaturityRoundService>().CloseAsync(roundId, userId);
            Assert.True(closed.Succeeded, string.Join("; ", closed.Errors.Values));
        });
    }

    /// <summary>Opens a round for the sheets' raters, submits every sheet and closes it.</summary>
    public static async Task<int> ClosedRoundAsync(CxAppFactory app, string name, DateOnly date, IReadOnlyList<TestSheet> sheets, Func<string, int>? target = null)
    {
        var id = await OpenRoundAsync(app, name, date, sheets.Select(s => s.Email), target);
        foreach (var sheet in sheets) await SubmitAsync(app, id, sheet);
        await CloseAsync(app, id, sheets[0].Email);
        return id;
    }

    /// <summary>
    /// What a browser would post from a form as it stands: inputs, checked boxes, textareas and selected options. A name
    /// that repeats (checkboxes of a list) is posted with indexes, name[0], name[1], as a dictionary cannot repeat a key.
    /// </summary>
    public static Dictionary<string, string> FormFields(IElement form)
    {
        var values = new List<(string Name, string Value)>();
        foreach (var input in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = input.GetAttribute("name")!;
            var type = input.GetAttribute("type");
            if (name == "__RequestVerificationToken" || type == "submit") continue;
            if (type is "checkbox" or "radio" && !input.HasAttribute("checked")) continue;
            values.Add((name, input.LocalName switch
            {
                "textarea" => input.TextContent.TrimStart('\n'),
                "select" => input.QuerySelector("option[selected]")?.GetAttribute("value") ?? input.QuerySelector("option")?.GetAttribute("value") ?? "",
                _ => input.GetAttribute("value") ?? "",
            }));
        }
        return values.GroupBy(v => v.Name).SelectMany(g => g.Count() == 1
                ? [new KeyValuePair<string, string>(g.Key, g.First().Value)]
                : g.Select((v, i) => new KeyValuePair<string, string>($"{g.Key}[{i}]", v.Value)))
            .ToDictionary();
    }
}
