using System.Text.Json;
using Berth.Registry.Json;

namespace Berth.Registry.Http;

/// <summary>Writes the registry's JSON bodies and spec error bodies.</summary>
public static class RegistryResponses
{
    public const string ApiVersionHeader = "Docker-Distribution-API-Version";
    public const string DigestHeader = "Docker-Content-Digest";

    public static Task WriteErrorAsync(HttpContext context, RegistryException error)
    {
        var status = error.StatusOverride ?? RegistryException.Status(error.Code);
        return WriteErrorAsync(context, status, RegistryException.WireName(error.Code), error.Message, error.Detail);
    }

    public static async Task WriteErrorAsync(HttpContext context, int status, string code, string message, string? detail)
    {
        if (context.Response.HasStarted)
        {
            context.Abort();
            return;
        }
        context.Response.StatusCode = status;
        var body = new ErrorResponse { Errors = [new ErrorEntry { Code = code, Message = message, Detail = detail }] };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, RegistryJsonContext.Relaxed.ErrorResponse);
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    public static async Task WriteJsonAsync<T>(HttpContext context, int status, T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type,
        string contentType = "application/json")
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, type);
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>An empty answer with a status (Content-Length: 0).</summary>
    public static void Empty(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentLength = 0;
    }
}
