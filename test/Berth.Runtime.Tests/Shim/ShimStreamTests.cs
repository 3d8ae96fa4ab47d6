using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Berth.Runtime.Shim;

namespace Berth.Runtime.Tests.Shim;

/// <summary>The daemon's end of a streaming shim connection against a scripted shim on a real unix socket.</summary>
public sealed class ShimStreamTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("shimstream-").FullName;
    private readonly Socket _listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);

    public ShimStreamTests()
    {
        _listener.Bind(new UnixDomainSocketEndPoint(SocketPath));
        _listener.Listen(1);
    }

    private string SocketPath => Path.Combine(_dir, "shim.sock");

    public void Dispose()
    {
        _listener.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private static byte[] Frame(byte kind, byte[] payload)
    {
        var frame = new byte[ShimFrame.HeaderSize + payload.Length];
        ShimFrame.WriteHeader(frame, kind, payload.Length);
        payload.CopyTo(frame, ShimFrame.HeaderSize);
        return frame;
    }

    private static async Task<string> ReadLineAsync(Socket socket)
    {
        var line = new List<byte>();
        var one = new byte[1];
        while (await socket.ReceiveAsync(one) == 1 && one[0] != '\n') line.Add(one[0]);
        return Encoding.UTF8.GetString(line.ToArray());
    }

    [Fact]
    public async Task Frames_after_the_response_line_and_stdin_with_eof_cross_the_connection()
    {
        var shim = Task.Run(async () =>
        {
            using var connection = await _listener.AcceptAsync();
            var request = ShimWire.ReadRequest(Encoding.UTF8.GetBytes(await ReadLineAsync(connection)))!;
            var exit = ShimWire.Write(new ShimExitStatus { ExitCode = 3, ExitedAt = DateTimeOffset.UnixEpoch });
            // Response line and the first frames in one write: the client must keep what followed the line.
            var first = Encoding.UTF8.GetBytes("{\"ok\":true,\"pid\":42,\"running\":true}\n").Concat(Frame(ShimFrame.Stdout, "out"u8.ToArray())).ToArray();
            await connection.SendAsync(first);
            using var input = new MemoryStream();
            var buffer = new byte[64];
            int n;
            while ((n = await connection.ReceiveAsync(buffer)) > 0) input.Write(buffer, 0, n);
            await connection.SendAsync(Frame(ShimFrame.Stderr, input.ToArray()).Concat(Frame(ShimFrame.Exit, exit)).ToArray());
            return request;
        });

        var (response, stream) = await new ShimClient(SocketPath).OpenStreamAsync(
            new ShimRequest { Op = ShimRequest.Exec, ExecId = "e1", Process = "/p.json", Stdin = true }, CancellationToken.None);
        Assert.True(response.Ok);
        Assert.Equal(42, response.Pid);
        Assert.NotNull(stream);
        await using (stream)
        {
            var stdout = await stream.ReadFrameAsync(CancellationToken.None);
            Assert.Equal((ShimFrame.Stdout, "out"), (stdout!.Value.Kind, Encoding.UTF8.GetString(stdout.Value.Payload)));
            await stream.WriteInputAsync("typed"u8.ToArray(), CancellationToken.None);
            stream.CloseInput();
            var echoed = await stream.ReadFrameAsync(CancellationToken.None);
            Assert.Equal((ShimFrame.Stderr, "typed"), (echoed!.Value.Kind, Encoding.UTF8.GetString(echoed.Value.Payload)));
            var exit = await stream.ReadFrameAsync(CancellationToken.None);
            Assert.Equal(ShimFrame.Exit, exit!.Value.Kind);
            Assert.Equal(3, JsonSerializer.Deserialize(exit.Value.Payload, ShimJsonContext.Default.ShimExitStatus)!.ExitCode);
            Assert.Null(await stream.ReadFrameAsync(CancellationToken.None));
        }
        var sent = await shim;
        Assert.Equal((ShimRequest.Exec, "e1", "/p.json", true), (sent.Op, sent.ExecId, sent.Process, sent.Stdin));
    }

    [Fact]
    public async Task A_refused_stream_returns_the_error_and_no_stream()
    {
        var shim = Task.Run(async () =>
        {
            using var connection = await _listener.AcceptAsync();
            await ReadLineAsync(connection);
            await connection.SendAsync(Encoding.UTF8.GetBytes("{\"ok\":false,\"error\":\"exec: \\\"nosuch\\\": executable file not found in $PATH\",\"pid\":0,\"running\":false}\n"));
        });
        var (response, stream) = await new ShimClient(SocketPath).OpenStreamAsync(new ShimRequest { Op = ShimRequest.Exec, ExecId = "e2", Process = "/p" }, CancellationToken.None);
        await shim;
        Assert.False(response.Ok);
        Assert.Null(stream);
        Assert.Contains("executable file not found", response.Error);
    }

    [Fact]
    public async Task A_frame_cut_short_is_an_io_error()
    {
        var shim = Task.Run(async () =>
        {
            using var connection = await _listener.AcceptAsync();
            await ReadLineAsync(connection);
            var frame = Frame(ShimFrame.Stdout, "abcdef"u8.ToArray());
            await connection.SendAsync(Encoding.UTF8.GetBytes("{\"ok\":true,\"pid\":1,\"running\":true}\n").Concat(frame[..10]).ToArray());
        });
        var (_, stream) = await new ShimClient(SocketPath).OpenStreamAsync(new ShimRequest { Op = ShimRequest.Exec, ExecId = "e3", Process = "/p" }, CancellationToken.None);
        await shim;
        Assert.NotNull(stream);
        await using (stream)
            await Assert.ThrowsAsync<IOException>(() => stream.ReadFrameAsync(CancellationToken.None));
    }
}
