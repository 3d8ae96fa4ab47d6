using System.Text.Json;
using Berth.Api;
using Berth.Core.References;
using Berth.Daemon.Api.Http;
using Berth.Engine.Distribution;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Berth.Daemon.Api.Distribution;

/// <summary>
/// <c>POST /images/{name}/push?tag=</c> (<c>docker push</c>) with <c>X-Registry-Auth</c>: progress, then per tag
/// <c>TAG: digest: sha256:… size: N</c> and an aux <c>{"Tag","Digest","Size"}</c>, as dockerd.
/// </summary>
public static class PushImageHandler
{
    public static Task HandleAsync(HttpContext context, string name)
    {
        var tag = QueryValues.String(context, "tag");
        var reference = ImageReference.Parse(name);
        if (!string.IsNullOrEmpty(tag)) reference = reference.NameOnly().WithTag(tag);
        var credentials = RegistryAuthHeader.Read(context);
        var pushes = context.RequestServices.GetRequiredService<PushService>();
        return ProgressPump.RunAsync(context, async pump =>
        {
            var aux = new AuxProgress(pump);
            await pushes.PushAsync(reference, credentials, aux, context.RequestAborted).ConfigureAwait(false);
        });
    }

    /// <summary>Adds the aux message right after each <c>TAG: digest: … size: N</c> line.</summary>
    private sealed class AuxProgress(ProgressPump pump) : IProgress<TransferProgress>
    {
        public void Report(TransferProgress value)
        {
            pump.Report(value);
            if (value.Id is null && TryParseResult(value.Status) is { } result) pump.Report(new JsonMessage { Progress = null, Aux = result });
        }

        private static JsonElement? TryParseResult(string status)
        {
            // "<tag>: digest: <digest> size: <n>"
            var digestAt = status.IndexOf(": digest: ", StringComparison.Ordinal);
            var sizeAt = status.LastIndexOf(" size: ", StringComparison.Ordinal);
            if (digestAt <= 0 || sizeAt < digestAt || !int.TryParse(status[(sizeAt + 7)..], out var size)) return null;
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("Tag", status[..digestAt]);
                writer.WriteString("Digest", status[(digestAt + 10)..sizeAt]);
                writer.WriteNumber("Size", size);
                writer.WriteEndObject();
            }
            using var document = JsonDocument.Parse(buffer.ToArray());
            return document.RootElement.Clone();
        }
    }
}
