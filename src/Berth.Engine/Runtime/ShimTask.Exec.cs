using System.Text.Json;
using Berth.Core;
using Berth.Runtime.Runc;
using Berth.Runtime.Shim;
using Berth.Runtime.Spec;

namespace Berth.Engine.Runtime;

internal sealed partial class ShimTask
{
    /// <summary>
    /// Writes the process JSON (<see cref="ExecProcessFile"/>; the shim removes it after <c>runc exec</c>) and
    /// opens the shim's exec stream; the response line tells whether runc started the process.
    /// </summary>
    public async Task<IExecProcess> ExecAsync(TaskExecRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // A few KiB on a tmpfs, read once by runc: written at once, no thread-pool hop.
        var processFile = ExecProcessFile.Write(_stateDir, _stateDirOnTmpfs.Value, request.ExecId,
            JsonSerializer.SerializeToUtf8Bytes(request.Process, RuntimeSpecJsonContext.Default.Process));
        ShimResponse response;
        ShimStream? stream;
        try
        {
            (response, stream) = await _client.OpenStreamAsync(new ShimRequest
            {
                Op = ShimRequest.Exec,
                ExecId = request.ExecId,
                Process = processFile.Path,
                Tty = request.Tty,
                Stdin = request.Stdin,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ShimUnavailableException)
        {
            processFile.Delete();
            throw BerthException.Conflict($"Container {ContainerId} is not running");
        }
        finally
        {
            processFile.Release();
        }
        if (stream is null)
        {
            var error = response.Error ?? "exec failed";
            throw new BerthException(RuncErrors.KindOf(error), error);
        }
        return new ShimExecProcess(stream, response.Pid);
    }

    public async Task ResizeExecAsync(string execId, int height, int width, CancellationToken cancellationToken)
    {
        var response = await CallExecAsync(new ShimRequest { Op = ShimRequest.Resize, ExecId = execId, Height = height, Width = width }, cancellationToken).ConfigureAwait(false);
        if (!response.Ok) throw new BerthException(ErrorKind.Conflict, $"cannot resize exec {execId}: {response.Error}");
    }

    public async Task KillExecAsync(string execId, int signal, CancellationToken cancellationToken)
    {
        var response = await CallExecAsync(new ShimRequest { Op = ShimRequest.Kill, ExecId = execId, Signal = signal }, cancellationToken).ConfigureAwait(false);
        if (!response.Ok) throw new BerthException(ErrorKind.Internal, $"kill exec {execId}: {response.Error}");
    }

    private async Task<ShimResponse> CallExecAsync(ShimRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.CallAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ShimUnavailableException)
        {
            throw BerthException.Conflict($"Container {ContainerId} is not running");
        }
    }
}
