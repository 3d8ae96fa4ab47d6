using System.Globalization;
using System.Text;

namespace Berth.Client.Http;

/// <summary>
/// Reads the body that follows a <see cref="ResponseHead"/> read off a raw socket, framed as HTTP/1.1 says
/// (RFC 9112 §6.3): by <c>Content-Length</c>, by chunks, or until the daemon closes the connection. For the small
/// JSON answers and error bodies of the hand-written paths; bodies are held in memory.
/// </summary>
internal sealed class ResponseBody
{
    private const int MaxBodyBytes = 16 * 1024 * 1024;
    private readonly long _length;
    private readonly bool _chunked;
    private readonly MemoryStream _raw = new();
    private int _nextChunk;
    private bool _complete;

    private ResponseBody(ResponseHead head, byte[] rest)
    {
        _chunked = string.Equals(head.Header("Transfer-Encoding"), "chunked", StringComparison.OrdinalIgnoreCase);
        _length = head.StatusCode is 204 or 304 || (head.StatusCode is >= 100 and < 200) ? 0
            : long.TryParse(head.Header("Content-Length"), NumberStyles.None, CultureInfo.InvariantCulture, out var length) ? length
            : -1;
        _raw.Write(rest);
        _complete = Check();
    }

    /// <summary>True when the connection can carry another request after this body.</summary>
    public static bool KeepsConnection(ResponseHead head) =>
        !string.Equals(head.Header("Connection"), "close", StringComparison.OrdinalIgnoreCase)
        && (head.Header("Content-Length") is not null || head.Header("Transfer-Encoding") is not null || head.StatusCode is 204 or 304);

    /// <summary>Reads the whole body on the calling thread.</summary>
    public static byte[] Read(Stream stream, ResponseHead head, byte[] rest)
    {
        var body = new ResponseBody(head, rest);
        var buffer = new byte[16 * 1024];
        while (!body._complete) body.Add(buffer, stream.Read(buffer));
        return body.Decoded();
    }

    /// <inheritdoc cref="Read"/>
    public static async Task<byte[]> ReadAsync(Stream stream, ResponseHead head, byte[] rest, CancellationToken cancellationToken)
    {
        var body = new ResponseBody(head, rest);
        var buffer = new byte[16 * 1024];
        while (!body._complete) body.Add(buffer, await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));
        return body.Decoded();
    }

    private void Add(byte[] buffer, int read)
    {
        if (read == 0)
        {
            if (_length < 0 && !_chunked)
            {
                _complete = true;
                return;
            }
            throw new EndOfStreamException("daemon closed the connection inside a response body");
        }
        if (_raw.Length + read > MaxBodyBytes) throw new InvalidDataException("daemon response body too large");
        _raw.Write(buffer, 0, read);
        _complete = Check();
    }

    private bool Check()
    {
        if (!_chunked) return _length >= 0 && _raw.Length >= _length;
        var data = _raw.GetBuffer().AsSpan(0, (int)_raw.Length);
        while (true)
        {
            var lineEnd = data[_nextChunk..].IndexOf("\r\n"u8);
            if (lineEnd < 0) return false;
            if (!TryChunkSize(data.Slice(_nextChunk, lineEnd), out var size) || size > MaxBodyBytes) throw new InvalidDataException("malformed chunked body from daemon");
            var dataStart = _nextChunk + lineEnd + 2;
            if (size == 0)
            {
                // The last chunk; no trailers are sent by the daemon, so the blank line follows.
                return data.Length >= dataStart + 2;
            }
            if (data.Length < dataStart + size + 2) return false;
            _nextChunk = dataStart + size + 2;
        }
    }

    private byte[] Decoded()
    {
        var data = _raw.GetBuffer().AsSpan(0, (int)_raw.Length);
        if (!_chunked) return (_length >= 0 ? data[..(int)Math.Min(_length, data.Length)] : data).ToArray();
        using var output = new MemoryStream();
        var position = 0;
        while (true)
        {
            var lineEnd = data[position..].IndexOf("\r\n"u8);
            if (lineEnd < 0 || !TryChunkSize(data.Slice(position, lineEnd), out var size) || size == 0) break;
            position += lineEnd + 2;
            output.Write(data.Slice(position, size));
            position += size + 2;
        }
        return output.ToArray();
    }

    private static bool TryChunkSize(ReadOnlySpan<byte> line, out int size)
    {
        var semicolon = line.IndexOf((byte)';');
        var text = Encoding.ASCII.GetString(semicolon >= 0 ? line[..semicolon] : line).Trim();
        return int.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out size) && size >= 0;
    }
}
