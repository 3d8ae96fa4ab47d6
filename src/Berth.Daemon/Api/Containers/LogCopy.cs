using System.Globalization;
using System.Text;
using Berth.Daemon.Api.Streaming;
using Berth.Runtime.Logging;

namespace Berth.Daemon.Api.Containers;

/// <summary>
/// Copies json-file log entries to a client stream (shared by logs and attach). Entries already on disk go out
/// in batches: the stream is flushed only when the reader has to wait for more (following) or has ended, so
/// 100k lines are a few large writes rather than 100k small ones.
/// </summary>
public static class LogCopy
{
    private static readonly JsonFileLogReader Reader = new();

    public static async Task CopyAsync(string logPath, LogReadOptions options, StdStreamWriter writer, bool timestamps, CancellationToken cancellationToken)
    {
        var entries = Reader.ReadAsync(logPath, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using var _ = entries.ConfigureAwait(false);
        while (true)
        {
            var next = entries.MoveNextAsync();
            if (!next.IsCompleted) await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (!await next.ConfigureAwait(false)) break;
            var entry = entries.Current;
            var text = timestamps
                ? entry.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) + " " + entry.Text
                : entry.Text;
            var stream = entry.Stream == "stderr" ? StdStreamWriter.Stderr : StdStreamWriter.Stdout;
            await writer.WriteAsync(stream, Encoding.UTF8.GetBytes(text), cancellationToken).ConfigureAwait(false);
        }
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
