using System.Text.Json;
using Berth.Api;
using Berth.Core;
using Berth.Daemon.Api.Http;
using Berth.Daemon.Api.Streaming;
using Berth.Engine.Build;
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
            ForceRemove: QueryValues.Bool(context, "forcerm"));
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
