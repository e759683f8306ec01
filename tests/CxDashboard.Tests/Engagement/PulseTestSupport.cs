using System.Net;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Engagement;

/// <summary>The pulse as its users meet it: an administrator makes a team's link on the admin page, employees answer its form.</summary>
public static class PulseTestSupport
{
    /// <summary>The path of a new link for the team, read from the admin page right after it is made (the only time it is shown).</summary>
    public static async Task<string> CreateLinkAsync(CxAppFactory app, HttpClient admin, string team)
    {
        var teamId = await app.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().Teams.Where(t => t.Name == team).Select(t => t.Id).SingleAsync());
        var response = await Html.PostFormAsync(admin, "/Admin/Pulse", new Dictionary<string, string>(), postUrl: $"/Admin/Pulse?handler=Renew&teamId={teamId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        return new Uri(page.QuerySelector($"tr[data-team-id='{teamId}'] [data-testid=pulse-link]")!.GetAttribute("value")!).AbsolutePath;
    }

    public static Task<HttpResponseMessage> AnswerAsync(HttpClient client, string link, Dictionary<string, string> answer) =>
        Html.PostFormAsync(client, link, answer, "[data-testid=pulse-form]", link);
}
