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

    public void Report(TransferProgress value) => Report(ToMessage(value));

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
