using System.Security.Cryptography;
using System.Text;

namespace CxDashboard.Web.Hosting;

/// <summary>
/// Headers on every response: a Content-Security-Policy that runs only the app's own script files (no inline script,
/// no event-handler attributes, no eval), never lets another site frame a page, sends no referrer to other sites and
/// stops content sniffing.
/// Styles: stylesheets from the app only, no <c>&lt;style&gt;</c> elements except one whose hash a response names
/// (<see cref="AllowInlineStyle"/>, the self-contained monthly report); <c>style</c> attributes are allowed, because
/// the inline SVG charts carry their drawing attributes that way and an attribute cannot run script or load anything
/// from outside (images, fonts and connections are limited to the app too).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string StyleHashesKey = "CxDashboard.AllowedStyleHashes";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = PolicyFor(context);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    });

    /// <summary>
    /// The one <c>&lt;style&gt;</c> element the job dashboard needs: Chart.js (bundled in Hangfire 1.8's dashboard) adds it
    /// at run time to size its charts. A Hangfire upgrade that changes it shows up as a refusal in the browser test.
    /// </summary>
    public const string HangfireChartStyleHash = "sha256-z7zcnw/4WalZqx+PrNaRnoeLz/G9WXuFqV1WCJ129sg=";

    /// <summary>Lets this response carry one <c>&lt;style&gt;</c> element with exactly this content.</summary>
    public static void AllowInlineStyle(HttpContext context, string css) =>
        AllowStyleHash(context, "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(css))));

    public static void AllowStyleHash(HttpContext context, string hash)
    {
        var source = $"'{hash}'";
        if (context.Items[StyleHashesKey] is List<string> hashes) hashes.Add(source);
        else context.Items[StyleHashesKey] = new List<string> { source };
    }

    private static string PolicyFor(HttpContext context) =>
        context.Items[StyleHashesKey] is List<string> hashes
            ? ContentSecurityPolicy.Replace("style-src 'self';", $"style-src 'self' {string.Join(' ', hashes)};", StringComparison.Ordinal)
            : ContentSecurityPolicy;
}
