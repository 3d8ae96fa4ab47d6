using System.Globalization;
using System.Text;

namespace Berth.Client.Http;

/// <summary>An HTTP/1.1 request written by hand (hijacks and the blocking connection): head and body in one buffer, so it leaves in one write.</summary>
internal static class RequestHead
{
    public const string UserAgent = "berth-cli/0.1";

    /// <param name="upgrade">Ask for the connection to be hijacked (<c>Connection: Upgrade</c>, <c>Upgrade: tcp</c>).</param>
    /// <param name="json">The JSON body, or null for none.</param>
    public static byte[] Build(string method, string pathAndQuery, string authority, bool upgrade, byte[]? json)
    {
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{method} {pathAndQuery} HTTP/1.1\r\n")
            .Append(CultureInfo.InvariantCulture, $"Host: {authority}\r\n")
            .Append("User-Agent: " + UserAgent + "\r\n");
        if (upgrade)
        {
            head.Append("Connection: Upgrade\r\nUpgrade: tcp\r\n");
        }
        if (json is not null)
        {
            head.Append("Content-Type: application/json\r\n");
        }
        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {json?.Length ?? 0}\r\n\r\n");

        var headLength = Encoding.ASCII.GetByteCount(head.ToString());
        var request = new byte[headLength + (json?.Length ?? 0)];
        Encoding.ASCII.GetBytes(head.ToString(), request);
        json?.CopyTo(request, headLength);
        return request;
    }
}
