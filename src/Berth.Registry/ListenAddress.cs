using System.Globalization;
using System.Net;
using Berth.Core;

namespace Berth.Registry;

/// <summary>A <c>host:port</c> listen address: an IP (IPv6 in brackets), <c>localhost</c>, or empty host for all interfaces.</summary>
public static class ListenAddress
{
    public static IPEndPoint Parse(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon < 0 || !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
            throw BerthException.Invalid($"invalid listen address {text}: expected host:port");
        var host = text[..colon].Trim('[', ']');
        IPAddress address;
        if (host.Length == 0 || host == "*") address = IPAddress.Any;
        else if (host == "localhost") address = IPAddress.Loopback;
        else if (!IPAddress.TryParse(host, out address!)) throw BerthException.Invalid($"invalid listen address {text}: {host} is not an IP address");
        return new IPEndPoint(address, port);
    }
}
