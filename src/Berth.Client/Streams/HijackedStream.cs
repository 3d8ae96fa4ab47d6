using System.Net.Sockets;

namespace Berth.Client.Streams;

/// <summary>
/// The raw bidirectional connection left after the daemon answered <c>101 UPGRADED</c> to an attach or exec start.
/// Without a TTY the output is multiplexed (<see cref="MultiplexedStreamReader"/>); with one it is raw bytes.
/// </summary>
public sealed class HijackedStream : IAsyncDisposable, IDisposable
{
    private readonly NetworkStream _network;

    internal HijackedStream(NetworkStream network, Stream stream, bool multiplexed)
    {
        _network = network;
        Stream = stream;
        IsMultiplexed = multiplexed;
    }

    /// <summary>Read container output from it; write container input to it.</summary>
    public Stream Stream { get; }

    /// <summary>True when the daemon said <c>application/vnd.docker.multiplexed-stream</c>.</summary>
    public bool IsMultiplexed { get; }

    /// <summary>Copies output to stdout/stderr (demultiplexing if needed) until the daemon closes the stream.</summary>
    public Task CopyOutputToAsync(Stream stdout, Stream stderr, CancellationToken cancellationToken) =>
        IsMultiplexed
            ? new MultiplexedStreamReader(Stream).CopyToAsync(stdout, stderr, cancellationToken)
            : Stream.CopyToAsync(stdout, cancellationToken);

    /// <summary><see cref="CopyOutputToAsync"/> on the calling thread.</summary>
    public void CopyOutputTo(Stream stdout, Stream stderr)
    {
        if (IsMultiplexed)
        {
            new MultiplexedStreamReader(Stream).CopyTo(stdout, stderr);
        }
        else
        {
            Stream.CopyTo(stdout);
        }
    }

    /// <summary>Half-closes the connection: tells the daemon stdin reached EOF while output keeps flowing.</summary>
    public void CloseWrite()
    {
        try
        {
            _network.Socket.Shutdown(SocketShutdown.Send);
        }
        catch (ObjectDisposedException)
        {
            // Already closed: nothing left to half-close.
        }
        catch (SocketException)
        {
            // The peer went away; the read side reports that.
        }
    }

    public ValueTask DisposeAsync() => Stream.DisposeAsync();

    public void Dispose() => Stream.Dispose();
}
