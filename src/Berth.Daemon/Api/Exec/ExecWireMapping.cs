using Berth.Api;
using Berth.Core;
using Berth.Engine.Exec;

namespace Berth.Daemon.Api.Exec;

/// <summary>Exec records to wire types and back.</summary>
public static class ExecWireMapping
{
    /// <summary>A <c>[height, width]</c> array; null when absent; 400 when it is not two non-negative numbers.</summary>
    public static ConsoleDimensions? ConsoleSize(List<int>? size)
    {
        if (size is null || size.Count == 0) return null;
        if (size.Count != 2 || size[0] < 0 || size[1] < 0)
            throw BerthException.Invalid("ConsoleSize must be an array of two non-negative numbers: [height, width]");
        return new ConsoleDimensions(size[0], size[1]);
    }

    public static ExecInspectResponse ToInspect(ExecRecord exec)
    {
        var status = exec.Status;
        var options = exec.Options;
        return new ExecInspectResponse
        {
            Id = exec.Id,
            Running = status.Running,
            ExitCode = status.ExitCode,
            ProcessConfig = new ProcessConfig
            {
                Privileged = options.Privileged,
                User = options.User,
                Tty = options.Tty,
                Entrypoint = options.Cmd.Count > 0 ? options.Cmd[0] : "",
                Arguments = [.. options.Cmd.Skip(1)],
            },
            OpenStdin = options.AttachStdin,
            OpenStdout = options.AttachStdout,
            OpenStderr = options.AttachStderr,
            ContainerId = exec.ContainerId,
            Pid = status.Pid,
            CanRemove = false,
            DetachKeys = options.DetachKeys.Length > 0 ? Convert.ToBase64String(DetachKeys.Parse(options.DetachKeys)) : "",
        };
    }
}
