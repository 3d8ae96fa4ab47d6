using System.Text.Json;
using Berth.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Berth.Engine.Events;

public sealed partial class EventJournal
{
    public const string FileName = "journal.jsonl";

    private readonly string _path;
    private FileStream? _file;
    private int _fileLines;
    private bool _disposed;

    private EventJournal(string path, int capacity, TimeProvider time, ILogger logger)
    {
        _path = path;
        _ring = new EventRecord[capacity];
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Opens (or creates) the journal in <paramref name="directory"/> (<c>&lt;data-root&gt;/events</c>) and loads its
    /// newest <paramref name="capacity"/> events. A torn last line (a crash during an append) or any unreadable line
    /// is dropped, and the file is rewritten clean before anything is appended to it.
    /// </summary>
    public static EventJournal Open(string directory, TimeProvider time, ILogger<EventJournal> logger, int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Directory.CreateDirectory(directory);
        var journal = new EventJournal(Path.Combine(directory, FileName), capacity, time, logger);
        journal.Load();
        return journal;
    }

    private void Load()
    {
        var clean = true;
        if (File.Exists(_path))
        {
            var bytes = File.ReadAllBytes(_path);
            var lines = 0;
            var rest = bytes.AsSpan();
            while (rest.Length > 0)
            {
                var newline = rest.IndexOf((byte)'\n');
                if (newline < 0)
                {
                    clean = false; // torn append
                    break;
                }
                var line = rest[..newline];
                rest = rest[(newline + 1)..];
                if (line.IsEmpty) continue;
                if (TryParse(line) is { } ev)
                {
                    Add(ev);
                    _lastTimeNano = Math.Max(_lastTimeNano, ev.TimeNano);
                    lines++;
                }
                else
                {
                    clean = false;
                }
            }
            _fileLines = lines;
            LogLoaded(_logger, _count, _path);
        }
        if (!clean || _fileLines > _ring.Length) Compact();
        else OpenForAppend();
    }

    private static EventRecord? TryParse(ReadOnlySpan<byte> line)
    {
        try
        {
            return JsonSerializer.Deserialize(line, EventJournalJsonContext.Default.EventRecord);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Appends one line in one write (caller holds the gate). A failing disk costs persistence, never the workflow.</summary>
    private void Append(EventRecord ev)
    {
        if (_disposed) return; // a late event during shutdown stays in memory only
        try
        {
            if (_fileLines >= 2 * _ring.Length)
            {
                Compact(); // the ring already holds ev: the rewrite includes it
                return;
            }
            var line = JsonSerializer.SerializeToUtf8Bytes(ev, EventJournalJsonContext.Default.EventRecord);
            var buffer = new byte[line.Length + 1];
            line.CopyTo(buffer, 0);
            buffer[^1] = (byte)'\n';
            _file ??= OpenAppendStream();
            _file.Write(buffer);
            _file.Flush();
            _fileLines++;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogWriteFailed(_logger, _path, e.Message);
            _file?.Dispose();
            _file = null;
        }
    }

    /// <summary>Rewrites the file with the events in memory (temp, fsync, rename), then appends to the new file.</summary>
    private void Compact()
    {
        using var buffer = new MemoryStream();
        for (var i = 0; i < _count; i++)
        {
            JsonSerializer.Serialize(buffer, _ring[(_start + i) % _ring.Length], EventJournalJsonContext.Default.EventRecord);
            buffer.WriteByte((byte)'\n');
        }
        _file?.Dispose();
        _file = null;
        AtomicFile.WriteAllBytes(_path, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        _fileLines = _count;
        OpenForAppend();
    }

    private void OpenForAppend() => _file = OpenAppendStream();

    private FileStream OpenAppendStream() =>
        new(_path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var subscriber in _subscribers) subscriber.Queue.Writer.TryComplete();
            _subscribers.Clear();
            _file?.Dispose();
            _file = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} events from {Path}")]
    private static partial void LogLoaded(ILogger logger, int count, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write the event journal {Path}: {Error}")]
    private static partial void LogWriteFailed(ILogger logger, string path, string error);
}
