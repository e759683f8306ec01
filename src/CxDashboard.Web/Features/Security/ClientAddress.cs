using System.Net;
using System.Net.Sockets;

namespace CxDashboard.Web.Features.Security;

/// <summary>
/// The client a request comes from, as limits count it: an IPv4 address, or an IPv6 address's /64 network (one
/// household or host usually holds a whole /64, so counting single IPv6 addresses would be easy to sidestep).
/// Behind a reverse proxy this is the proxy's forwarded client address when the proxy is configured as known.
/// </summary>
public static class ClientAddress
{
    public const string Unknown = "unknown";

    public static string Of(HttpContext context) => Of(context.Connection.RemoteIpAddress);

    public static string Of(IPAddress? address)
    {
        if (address is null) return Unknown;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
