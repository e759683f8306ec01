using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace CxDashboard.Tests.Infrastructure;

/// <summary>Reading pages as a user sees them, and submitting their forms with the antiforgery token they carry.</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IDocument> GetDocumentAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
        return await Parser.ParseDocumentAsync(body);
    }

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    public static string AntiforgeryToken(IDocument document, string? formSelector = null)
    {
        var scope = formSelector is null ? document.DocumentElement : document.QuerySelector(formSelector)!;
        return scope.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
               ?? throw new InvalidOperationException("The page has no antiforgery token.");
    }

    /// <summary>Posts a form on a page the way a browser would: the page's token plus the given fields.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, IDictionary<string, string> fields, string? formSelector = null, string? postUrl = null)
    {
        var page = await GetDocumentAsync(client, pageUrl);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = AntiforgeryToken(page, formSelector) };
        var action = postUrl ?? page.QuerySelector(formSelector ?? "main form[method=post]")?.GetAttribute("action") ?? pageUrl;
        if (string.IsNullOrEmpty(action)) action = pageUrl;
        return await client.PostAsync(action, new FormUrlEncodedContent(form));
    }

    /// <summary>Signs in through the login form; returns the sign-in cookie as a browser would send it back (name=value).</summary>
    public static async Task<string> SignInAsync(HttpClient client, string email, string password)
    {
        var response = await PostFormAsync(client, "/Account/Login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password }, postUrl: "/Account/Login");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in of {email} answered {(int)response.StatusCode}");
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var auth = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("CxDashboard.Auth=", StringComparison.Ordinal));
        return auth[..auth.IndexOf(';')];
    }

    /// <summary>Presses "Sign out" in the top bar of a page.</summary>
    public static async Task<HttpResponseMessage> SignOutAsync(HttpClient client, string pageUrl = "/help/metrics")
    {
        var response = await PostFormAsync(client, pageUrl, new Dictionary<string, string>(), "form[action='/Account/Logout']", "/Account/Logout");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    /// <summary>Text with whitespace (incl. non-breaking spaces) collapsed, as a reader sees it.</summary>
    public static string Text(this IElement? element) =>
        element is null ? "" : string.Join(' ', element.TextContent.Replace('\u00a0', ' ').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A table row's cells, each as <see cref="Text"/>, separated by single spaces.</summary>
    public static string RowText(IElement row) => string.Join(' ', row.Children.Select(Text).Where(t => t.Length > 0));
}
