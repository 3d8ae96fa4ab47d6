using System.Threading.Channels;
using Berth.Api;
using Berth.Daemon.Api.Streaming;
using Berth.Engine.Distribution;
using Microsoft.AspNetCore.Http;

namespace Berth.Daemon.Api.Distribution;

/// <summary>
/// Carries progress reported from any thread (parallel layer transfers) to the one writer of a JSON message
/// stream, in order. Reports never block the transfer.
/// </summary>
public sealed class ProgressPump : IProgress<TransferProgress>
{
    private readonly Channel<JsonMessage> _messages = Channel.CreateUnbounded<JsonMessage>(new UnboundedChannelOptions { SingleReader = true });

    public void Report(TransferProgress value)
    {
        Report(ToMessage(value));
        if (value.Pushed is { } pushed) Report(new JsonMessage { Aux = PushAux(pushed) });
    }

    public void Report(JsonMessage message) => _messages.Writer.TryWrite(message);

    /// <summary>Runs <paramref name="operation"/>, streaming what it reports; failures go out as dockerd sends them.</summary>
    public static Task RunAsync(HttpContext context, Func<ProgressPump, Task> operation) =>
        JsonMessageStream.RunAsync(context, async stream =>
        {
            var pump = new ProgressPump();
            var writing = pump.WriteAllAsync(stream);
            try
            {
                await operation(pump).ConfigureAwait(false);
            }
            finally
            {
                pump._messages.Writer.TryComplete();
                await writing.ConfigureAwait(false);
            }
        });

    private async Task WriteAllAsync(JsonMessageStream stream)
    {
        await foreach (var message in _messages.Reader.ReadAllAsync().ConfigureAwait(false))
            await stream.WriteAsync(message).ConfigureAwait(false);
    }

    /// <summary>dockerd's push aux: <c>{"Tag":"1.0","Digest":"sha256:…","Size":528}</c>.</summary>
    private static System.Text.Json.JsonElement PushAux(PushResult pushed)
    {
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("Tag", pushed.Tag);
            writer.WriteString("Digest", pushed.Digest.ToString());
            writer.WriteNumber("Size", pushed.Size);
            writer.WriteEndObject();
        }
        using var document = System.Text.Json.JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    public static JsonMessage ToMessage(TransferProgress value) => new()
    {
        Status = value.Status,
        Id = value.Id,
        ProgressDetail = value.HasDetail
            ? value.Current is { } current ? new ProgressDetail { Current = current, Total = value.Total } : new ProgressDetail()
            : null,
        Progress = value.Current is { } c ? ProgressText.Format(c, value.Total ?? 0) : null,
    };
}
