using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CxDashboard.Web.Hosting;

/// <summary>
/// Behind a reverse proxy that terminates TLS, the proxy's <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are
/// honoured, but only from the proxies named in <c>ForwardedHeaders:KnownProxies</c> (addresses) or
/// <c>ForwardedHeaders:KnownNetworks</c> (CIDR ranges). Then the client's address (for the per-address limits) and
/// https (for Secure cookies and HSTS) are the real ones. With neither set, the headers are ignored: anyone could
/// send them.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddTlsProxy(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in Values(configuration, "KnownProxies"))
            {
                if (!IPAddress.TryParse(proxy, out var address))
                    throw new InvalidOperationException($"{Section}:KnownProxies: '{proxy}' is not an IP address.");
                options.KnownProxies.Add(address);
            }
            foreach (var network in Values(configuration, "KnownNetworks"))
            {
                if (!System.Net.IPNetwork.TryParse(network, out var parsed))
                    throw new InvalidOperationException($"{Section}:KnownNetworks: '{network}' is not a network such as 10.0.0.0/8.");
                options.KnownIPNetworks.Add(parsed);
            }
        });
        return services;
    }

    public static bool IsConfigured(IConfiguration configuration) =>
        Values(configuration, "KnownProxies").Any() || Values(configuration, "KnownNetworks").Any();

    /// <summary>A list from an array section or a comma-separated value (handy in environment variables).</summary>
    private static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection($"{Section}:{key}");
        var items = section.GetChildren().Select(c => c.Value).OfType<string>().ToList();
        if (section.Value is { Length: > 0 } joined) items.AddRange(joined.Split(','));
        return items.Select(v => v.Trim()).Where(v => v.Length > 0);
    }
}
