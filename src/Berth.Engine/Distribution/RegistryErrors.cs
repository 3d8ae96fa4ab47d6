using System.Net;
using System.Text.Json;
using Berth.Core;

namespace Berth.Engine.Distribution;

/// <summary>Turns a registry's error response into a <see cref="RegistryResponseException"/> with dockerd's texts.</summary>
internal static class RegistryErrors
{
    private const int MaxErrorBody = 64 * 1024;

    public static async Task<RegistryResponseException> FromResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        RegistryError? error = null;
        try
        {
            var bytes = await ReadLimitedAsync(response, cancellationToken).ConfigureAwait(false);
            if (bytes.Length > 0)
            {
                var body = JsonSerializer.Deserialize(bytes, RegistryJsonContext.Default.RegistryErrorResponse);
                error = body?.Errors?.FirstOrDefault();
            }
        }
        catch (Exception e) when (e is JsonException or IOException or HttpRequestException)
        {
            // An unreadable body still leaves the status.
        }
        var kind = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => ErrorKind.Unauthorized,
            HttpStatusCode.Forbidden => ErrorKind.Forbidden,
            HttpStatusCode.NotFound => ErrorKind.NotFound,
            HttpStatusCode.BadRequest => ErrorKind.InvalidArgument,
            HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway => ErrorKind.Unavailable,
            _ => ErrorKind.Internal,
        };
        string message;
        if (error is not null) message = error.ToString();
        else if (response.StatusCode == HttpStatusCode.Unauthorized) message = "unauthorized: authentication required";
        else message = $"received unexpected HTTP status: {status} {response.ReasonPhrase}";
        return new RegistryResponseException(kind, message, status, error);
    }

    private static async Task<byte[]> ReadLimitedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[MaxErrorBody];
            var total = 0;
            int n;
            while (total < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0) total += n;
            return buffer[..total];
        }
    }
}
