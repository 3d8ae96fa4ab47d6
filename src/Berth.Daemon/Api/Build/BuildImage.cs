using System.Text.Json;
using Berth.Api;
using Berth.Core;
using Berth.Daemon.Api.Distribution;
using Berth.Daemon.Api.Http;
using Berth.Daemon.Api.Streaming;
using Berth.Engine.Build;
using Berth.Engine.Distribution;
using Microsoft.AspNetCore.Http;

namespace Berth.Daemon.Api.Build;

/// <summary>
/// <c>POST /build</c> (classic builder): the body is the context tar; query <c>t</c> (repeatable),
/// <c>dockerfile</c>, <c>buildargs</c> and <c>labels</c> (JSON objects), <c>target</c>, <c>nocache</c>, <c>rm</c>,
/// <c>forcerm</c>, <c>q</c>. Answers with Docker's JSON messages: <c>stream</c> lines, <c>aux</c> with the image ID,
/// <c>Successfully built/tagged</c>, or an in-stream error.
/// </summary>
public static class BuildImage
{
    public static Task HandleAsync(HttpContext context, ImageBuilder builder)
    {
        var version = QueryValues.String(context, "version");
        if (version == "2") throw BerthException.Invalid("BuildKit is not supported: set DOCKER_BUILDKIT=0 to use the classic builder");
        var tags = QueryValues.Strings(context, "t").Where(t => t.Length > 0).ToList();
        var request = new BuildRequest(
            Dockerfile: QueryValues.String(context, "dockerfile") is { Length: > 0 } file ? file : "Dockerfile",
            Tags: tags,
            BuildArgs: ParseMap(context, "buildargs"),
            Labels: ParseMap(context, "labels").ToDictionary(kv => kv.Key, kv => kv.Value ?? "", StringComparer.Ordinal),
            Target: QueryValues.String(context, "target"),
            NoCache: QueryValues.Bool(context, "nocache"),
            Remove: QueryValues.Bool(context, "rm", defaultValue: true),
            ForceRemove: QueryValues.Bool(context, "forcerm"),
            Credentials: RegistryConfig(context));
        var quiet = QueryValues.Bool(context, "q");

        return JsonMessageStream.RunAsync(context, async stream =>
        {
            BuildOutput output = quiet
                ? (_, _) => Task.CompletedTask
                : (text, _) => stream.WriteAsync(new JsonMessage { Stream = text });
            var image = await builder.BuildFromArchiveAsync(context.Request.Body, request, output, context.RequestAborted).ConfigureAwait(false);
            var id = image.Id.ToString();
            using var aux = JsonDocument.Parse($"{{\"ID\":\"{id}\"}}");
            await stream.WriteAsync(new JsonMessage { Aux = aux.RootElement.Clone() }).ConfigureAwait(false);
            if (quiet)
            {
                await stream.WriteAsync(new JsonMessage { Stream = id + "\n" }).ConfigureAwait(false);
                return;
            }
            await stream.WriteAsync(new JsonMessage { Stream = $"Successfully built {ImageBuilder.ShortId(image.Id)}\n" }).ConfigureAwait(false);
            foreach (var tag in tags)
                await stream.WriteAsync(new JsonMessage { Stream = $"Successfully tagged {tag}\n" }).ConfigureAwait(false);
        });
    }

    /// <summary>
    /// <c>X-Registry-Config</c>: base64url JSON of registry address → AuthConfig (the client's whole credential
    /// store), for a FROM that has to be pulled. Keys may be URLs (<c>https://index.docker.io/v1/</c>); an
    /// unreadable header is ignored as dockerd does (the pull goes anonymously).
    /// </summary>
    private static Func<string, RegistryCredentials?>? RegistryConfig(HttpContext context)
    {
        var header = context.Request.Headers["X-Registry-Config"].ToString().Trim();
        if (header.Length == 0) return null;
        var byDomain = new Dictionary<string, RegistryCredentials>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var document = JsonDocument.Parse(RegistryAuthHeader.DecodeBase64(header, url: true));
            if (document.RootElement.ValueKind != JsonValueKind.Object) return null;
            foreach (var entry in document.RootElement.EnumerateObject())
            {
                if (entry.Value.Deserialize(BerthApiJsonContext.Default.AuthConfig) is not { } config) continue;
                if (RegistryAuthHeader.ToCredentials(config) is { } credentials) byDomain[RegistryEndpoints.DomainOf(entry.Name)] = credentials;
            }
        }
        catch (Exception e) when (e is JsonException or FormatException or BerthException)
        {
            return null;
        }
        return domain => byDomain.GetValueOrDefault(domain);
    }

    private static Dictionary<string, string?> ParseMap(HttpContext context, string name)
    {
        var text = QueryValues.String(context, name);
        if (string.IsNullOrEmpty(text)) return new Dictionary<string, string?>(StringComparer.Ordinal);
        try
        {
            return JsonSerializer.Deserialize(text, BerthApiJsonContext.Default.DictionaryStringString)!
                .ToDictionary(kv => kv.Key, kv => (string?)kv.Value, StringComparer.Ordinal);
        }
        catch (JsonException e)
        {
            throw BerthException.Invalid($"invalid {name} parameter: {e.Message}");
        }
    }
}
