using System.Globalization;
using System.Text;

namespace Berth.Client.Http;

/// <summary>Status code and headers of an HTTP/1.1 response head read off a raw socket.</summary>
internal sealed class ResponseHead
{
    private const int MaxHeadBytes = 64 * 1024;
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);

    private ResponseHead(int statusCode) => StatusCode = statusCode;

    public int StatusCode { get; }

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    public string? Header(string name) => _headers.GetValueOrDefault(name);

    /// <exception cref="InvalidDataException">The status line is not <c>HTTP/1.x NNN reason</c>.</exception>
    public static ResponseHead Parse(string head)
    {
        var lines = head.Split("\r\n");
        var status = lines[0].Split(' ', 3);
        if (status.Length < 2 || !status[0].StartsWith("HTTP/1.", StringComparison.Ordinal)
            || !int.TryParse(status[1], NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            throw new InvalidDataException($"malformed HTTP status line from daemon: {lines[0]}");
        }

        var response = new ResponseHead(code);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                response._headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }
        return response;
    }

    /// <summary>Reads up to and including the blank line; returns the head and any bytes read past it.</summary>
    /// <exception cref="EndOfStreamException">The connection closed before a whole head arrived.</exception>
    public static (ResponseHead Head, byte[] Remainder) Read(Stream stream)
    {
        var buffer = new HeadBuffer();
        while (true)
        {
            if (buffer.Add(stream.Read(buffer.FreeSpace().Span)) is { } done) return done;
        }
    }

    /// <inheritdoc cref="Read"/>
    public static async ValueTask<(ResponseHead Head, byte[] Remainder)> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new HeadBuffer();
        while (true)
        {
            if (buffer.Add(await stream.ReadAsync(buffer.FreeSpace(), cancellationToken).ConfigureAwait(false)) is { } done) return done;
        }
    }

    /// <summary>Bytes of a head as they arrive, for the blocking and the async readers alike.</summary>
    private sealed class HeadBuffer
    {
        private byte[] _buffer = new byte[4096];
        private int _filled;

        public Memory<byte> FreeSpace()
        {
            if (_filled == _buffer.Length)
            {
                if (_buffer.Length >= MaxHeadBytes) throw new InvalidDataException("daemon response head too large");
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
            return _buffer.AsMemory(_filled);
        }

        public (ResponseHead, byte[])? Add(int read)
        {
            if (read == 0) throw new EndOfStreamException("daemon closed the connection before answering");
            var searchFrom = Math.Max(0, _filled - 3);
            _filled += read;
            var end = _buffer.AsSpan(searchFrom, _filled - searchFrom).IndexOf("\r\n\r\n"u8);
            if (end < 0) return null;
            end += searchFrom;
            return (Parse(Encoding.ASCII.GetString(_buffer, 0, end)), _buffer.AsSpan(end + 4, _filled - end - 4).ToArray());
        }
    }
}
