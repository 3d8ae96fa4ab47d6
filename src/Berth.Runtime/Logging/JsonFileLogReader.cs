using System.Runtime.CompilerServices;
using System.Text.Json;
using Berth.Core.Interop;

namespace Berth.Runtime.Logging;

/// <summary>
/// Reads a json-file log and its rotated predecessors (<c>log.N</c> … <c>log.1</c>, then <c>log</c>), applying
/// stream, since/until and tail filters, and optionally follows the live file across rotations.
/// </summary>
public sealed class JsonFileLogReader
{
    private readonly TimeSpan _pollInterval;

    /// <param name="pollInterval">How often a follower looks for new lines (default 100 ms).</param>
    public JsonFileLogReader(TimeSpan? pollInterval = null) => _pollInterval = pollInterval ?? TimeSpan.FromMilliseconds(100);

    public async IAsyncEnumerable<LogEntry> ReadAsync(string logPath, LogReadOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Open the live file first: rotations after this point are noticed by inode, and the rotated
        // files listed next are all older than what the handle holds.
        var live = LogFileCursor.TryOpen(logPath);
        try
        {
            var history = new List<LogEntry>();
            var tail = options.Tail is >= 0 ? options.Tail.Value : int.MaxValue;
            var pastUntil = false;
            foreach (var rotated in RotatedFiles(logPath, live))
            {
                using var cursor = LogFileCursor.TryOpen(rotated);
                if (cursor is null) continue;
                pastUntil = Collect(cursor, options, history, tail);
                if (pastUntil) break;
            }
            if (!pastUntil && live is not null) pastUntil = Collect(live, options, history, tail);
            foreach (var entry in history) yield return entry;
            if (!options.Follow || pastUntil) yield break;

            var stop = options.StopFollowing ?? Task.Delay(Timeout.Infinite, cancellationToken);
            var draining = false;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                live ??= LogFileCursor.TryOpen(logPath);
                var gotAny = false;
                while (live?.ReadEntry() is { } entry)
                {
                    gotAny = true;
                    if (options.IsPastUntil(entry)) yield break;
                    if (options.Wants(entry)) yield return entry;
                }
                if (live is not null && live.WasReplaced(logPath))
                {
                    // Rotated: the writer closed the old file before renaming it, so one more pass drains it;
                    // then continue with the new file from its start.
                    while (live.ReadEntry() is { } entry)
                    {
                        if (options.IsPastUntil(entry)) yield break;
                        if (options.Wants(entry)) yield return entry;
                    }
                    // Several rotations may have happened: the files written after ours are now log.(k-1) … log.1.
                    var successors = Successors(logPath, live.Inode);
                    live.Dispose();
                    live = LogFileCursor.TryOpen(logPath);
                    foreach (var next in successors)
                    {
                        using (next)
                        {
                            while (next.ReadEntry() is { } entry)
                            {
                                if (options.IsPastUntil(entry)) yield break;
                                if (options.Wants(entry)) yield return entry;
                            }
                        }
                    }
                    continue;
                }
                if (gotAny) continue;
                if (draining) yield break;
                if (stop.IsCompleted)
                {
                    draining = true; // one more pass picks up what was written before the stop
                    continue;
                }
                await Task.WhenAny(Task.Delay(_pollInterval, cancellationToken), stop).ConfigureAwait(false);
            }
        }
        finally
        {
            live?.Dispose();
        }
    }

    /// <summary>Reads a cursor to its current end into <paramref name="history"/>; true when an entry passed Until.</summary>
    private static bool Collect(LogFileCursor cursor, LogReadOptions options, List<LogEntry> history, int tail)
    {
        while (cursor.ReadEntry() is { } entry)
        {
            if (options.IsPastUntil(entry)) return true;
            if (!options.Wants(entry) || tail == 0) continue;
            if (history.Count == tail) history.RemoveAt(0);
            history.Add(entry);
        }
        return false;
    }

    /// <summary>Rotated files, oldest first, skipping one that is in fact the live file just rotated.</summary>
    private static List<string> RotatedFiles(string logPath, LogFileCursor? live)
    {
        var files = new List<string>();
        for (var i = 1; File.Exists($"{logPath}.{i}"); i++) files.Add($"{logPath}.{i}");
        files.Reverse();
        if (live is not null) files.RemoveAll(f => Libc.StatPath(f, followSymlinks: true)?.Inode == live.Inode);
        return files;
    }

    /// <summary>
    /// Open cursors on the rotated files newer than the one with <paramref name="inode"/>, oldest first. The
    /// writer may be renaming files meanwhile (log.N → log.N+1 …, one at a time), so a scan that misses our
    /// file is repeated; once opened, a cursor keeps its file whatever it is renamed to.
    /// </summary>
    private static List<LogFileCursor> Successors(string logPath, ulong inode)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var rotated = RotatedIndexes(logPath);
            var index = rotated.FirstOrDefault(i => Libc.StatPath($"{logPath}.{i}", followSymlinks: true)?.Inode == inode);
            if (index == 0) continue;
            var cursors = new List<LogFileCursor>();
            foreach (var j in rotated.Where(j => j < index).OrderDescending())
                if (LogFileCursor.TryOpen($"{logPath}.{j}") is { } cursor) cursors.Add(cursor);
            return cursors;
        }
        return [];
    }

    /// <summary>The N of every existing log.N, without stopping at a gap a concurrent rotation leaves.</summary>
    private static List<int> RotatedIndexes(string logPath)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(logPath))!;
        var prefix = Path.GetFileName(logPath) + ".";
        var indexes = new List<int>();
        foreach (var file in Directory.EnumerateFiles(dir, prefix + "*"))
        {
            var name = Path.GetFileName(file);
            if (name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.Ordinal)
                && int.TryParse(name.AsSpan(prefix.Length), System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0)
                indexes.Add(n);
        }
        indexes.Sort();
        return indexes;
    }

    /// <summary>
    /// One json-file line (<see cref="LogLine"/>'s shape) read with Utf8JsonReader directly: this runs once per
    /// logged line, and the serializer's per-call cost showed up in <c>logs</c> of large logs. Null when malformed.
    /// </summary>
    internal static LogEntry? Parse(ReadOnlySpan<byte> line)
    {
        string? log = null, stream = null;
        DateTimeOffset? time = null;
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("log"u8)) { reader.Read(); log = reader.GetString(); }
                else if (reader.ValueTextEquals("stream"u8)) { reader.Read(); stream = reader.ValueTextEquals("stdout"u8) ? "stdout" : reader.ValueTextEquals("stderr"u8) ? "stderr" : reader.GetString(); }
                else if (reader.ValueTextEquals("time"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String || !LogTimestamp.TryParse(reader.GetString()!, out var parsed)) return null;
                    time = parsed;
                }
                else { reader.Read(); reader.Skip(); }
            }
        }
        catch (JsonException) { return null; }
        catch (InvalidOperationException) { return null; }
        if (time is null) return null;
        return new LogEntry(stream ?? "", time.Value, log ?? "");
    }
}
