using System.Text.Json;
using Berth.Runtime.Shim;

namespace Berth.Engine.Runtime;

/// <summary><see cref="IExecProcess"/> over a streaming shim connection (op <c>exec</c>).</summary>
internal sealed class ShimExecProcess(ShimStream stream, int pid) : IExecProcess
{
    public int Pid { get; } = pid;

    public async Task<int?> PumpAsync(Func<int, ReadOnlyMemory<byte>, ValueTask> output, CancellationToken cancellationToken)
    {
        while (true)
        {
            (byte Kind, byte[] Payload)? frame;
            try
            {
                frame = await stream.ReadFrameAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (IOException)
            {
                return null;
            }
            if (frame is not { } f) return null;
            if (f.Kind == ShimFrame.Exit)
            {
                var exit = JsonSerializer.Deserialize(f.Payload, ShimJsonContext.Default.ShimExitStatus);
                return exit?.ExitCode;
            }
            if (f.Kind is ShimFrame.Stdout or ShimFrame.Stderr) await output(f.Kind, f.Payload).ConfigureAwait(false);
        }
    }

    public async ValueTask WriteInputAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
        await stream.WriteInputAsync(data, cancellationToken).ConfigureAwait(false);

    public void CloseInput() => stream.CloseInput();

    public ValueTask DisposeAsync() => stream.DisposeAsync();
}
