using System.Net;
using AngleSharp.Dom;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Callbacks;

/// <summary>Working the callback pages as a browser does: read a page, fill one of its forms, submit it with its own token.</summary>
public static class CallbackPages
{
    public static string CaseUrl(long caseId) => $"/Callbacks/Case/{caseId}";

    /// <summary>Submits the form picked by <paramref name="formSelector"/> on <paramref name="pageUrl"/>; returns the response (not followed).</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, string formSelector, IDictionary<string, string>? fields = null)
    {
        var page = await Html.GetDocumentAsync(client, pageUrl);
        var form = page.QuerySelector(formSelector) ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}.");
        return await client.PostAsync(ActionOf(form, pageUrl), FormContent(form, fields));
    }

    /// <summary>Submits and reads the page the user ends up on (following the redirect after a successful post).</summary>
    public static async Task<IDocument> SubmitAndReadAsync(HttpClient client, string pageUrl, string formSelector, IDictionary<string, string>? fields = null)
    {
        var response = await SubmitAsync(client, pageUrl, formSelector, fields);
        if (response.StatusCode == HttpStatusCode.Redirect) return await Html.GetDocumentAsync(client, response.Headers.Location!.OriginalString);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST answered {(int)response.StatusCode}: {body[..Math.Min(500, body.Length)]}");
        return Html.Parse(body);
    }

    public static string ActionOf(IElement form, string pageUrl)
    {
        var action = form.GetAttribute("action");
        return string.IsNullOrEmpty(action) ? pageUrl : action;
    }

    /// <summary>The form's hidden fields (token included) plus the given values.</summary>
    public static FormUrlEncodedContent FormContent(IElement form, IDictionary<string, string>? fields)
    {
        var values = form.QuerySelectorAll("input[type=hidden]")
            .Where(i => i.GetAttribute("name") is not null)
            .GroupBy(i => i.GetAttribute("name")!)
            .ToDictionary(g => g.Key, g => g.First().GetAttribute("value") ?? "");
        foreach (var (key, value) in fields ?? new Dictionary<string, string>()) values[key] = value;
        return new FormUrlEncodedContent(values);
    }

    /// <summary>Signs in with <paramref name="role"/> and asserts that <paramref name="url"/> sends the user to "access denied".</summary>
    public static async Task<HttpClient> AssertRefusedAsync(CxAppFactory app, string role, string url)
    {
        var client = await app.SignedInClientAsync($"refused-{role.ToLowerInvariant()}@test.local", role);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/Account/AccessDenied", response.Headers.Location!.ToString());
        return client;
    }

    public static string Message(IDocument page) => page.QuerySelector("[data-testid=message]").Text();

    public static IReadOnlyList<string> ValidationMessages(IDocument page) =>
        page.QuerySelectorAll(".field-validation-error").Select(e => e.Text()).Where(t => t.Length > 0).ToList();

    public static Task<string> UserIdAsync(CxAppFactory app, string email) => app.WithScopeAsync(sp =>
        sp.GetRequiredService<CxDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
}
