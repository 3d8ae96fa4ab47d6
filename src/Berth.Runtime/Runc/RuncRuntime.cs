using System.Text.Json;
using Berth.Core;
using Berth.Runtime.Commands;
using Berth.Runtime.Spec;

namespace Berth.Runtime.Runc;

/// <summary><see cref="IOciRuntime"/> running the runc binary through an <see cref="ICommandRunner"/>.</summary>
public sealed class RuncRuntime : IOciRuntime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly ICommandRunner _runner;

    public RuncRuntime(ICommandRunner runner, RuncCommandLine commandLine)
    {
        _runner = runner;
        CommandLine = commandLine;
    }

    public RuncCommandLine CommandLine { get; }

    public async Task CreateAsync(string id, string bundleDir, string pidFile, string? consoleSocket, CancellationToken cancellationToken)
    {
        var log = Path.Combine(Path.GetTempPath(), $"berth-runc-{id}-{Guid.NewGuid():N}.log");
        try
        {
            var result = await _runner.RunAsync(CommandLine.RuncPath,
                CommandLine.Create(id, bundleDir, pidFile, consoleSocket, log),
                new CommandOptions(Timeout, DetachStdio: true, CheckExitCode: false), cancellationToken).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                var message = RuncErrorLog.LastError(log) ?? $"runc create exited {result.ExitCode}";
                throw new BerthException(RuncErrors.KindOf(message), message);
            }
        }
        finally
        {
            File.Delete(log);
        }
    }

    public Task StartAsync(string id, CancellationToken cancellationToken) => Run(CommandLine.Start(id), null, cancellationToken);

    public Task KillAsync(string id, int signal, bool all, CancellationToken cancellationToken) =>
        Run(CommandLine.Kill(id, signal, all), null, cancellationToken);

    public async Task<RuncState?> StateAsync(string id, CancellationToken cancellationToken)
    {
        var result = await _runner.RunAsync(CommandLine.RuncPath, CommandLine.State(id),
            new CommandOptions(Timeout, CheckExitCode: false), cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            if (RuncErrors.IsNotExist(result.StandardError)) return null;
            throw new BerthException(ErrorKind.Internal, $"runc state {id}: {result.StandardError.Trim()}");
        }
        return JsonSerializer.Deserialize(result.StandardOutput, RuncJsonContext.Default.RuncState);
    }

    public async Task DeleteAsync(string id, bool force, CancellationToken cancellationToken)
    {
        var result = await _runner.RunAsync(CommandLine.RuncPath, CommandLine.Delete(id, force),
            new CommandOptions(Timeout, CheckExitCode: false), cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0 && !RuncErrors.IsNotExist(result.StandardError))
            throw new BerthException(ErrorKind.Internal, $"runc delete {id}: {result.StandardError.Trim()}");
    }

    public Task PauseAsync(string id, CancellationToken cancellationToken) => Run(CommandLine.Pause(id), null, cancellationToken);

    public Task ResumeAsync(string id, CancellationToken cancellationToken) => Run(CommandLine.Resume(id), null, cancellationToken);

    /// <summary>
    /// <c>runc update -r -</c>. A refusal (a memory limit below current use …) throws with runc's own error
    /// message from its JSON log, e.g. <c>unable to set memory limit to 8388608 (current usage: …, peak usage: …)</c>.
    /// </summary>
    public async Task UpdateAsync(string id, LinuxResources resources, CancellationToken cancellationToken)
    {
        var log = Path.Combine(Path.GetTempPath(), $"berth-runc-{id}-{Guid.NewGuid():N}.log");
        try
        {
            var result = await _runner.RunAsync(CommandLine.RuncPath, CommandLine.Update(id, log),
                new CommandOptions(Timeout, JsonSerializer.SerializeToUtf8Bytes(resources, RuntimeSpecJsonContext.Default.LinuxResources), CheckExitCode: false),
                cancellationToken).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                var message = RuncErrorLog.LastError(log) ?? result.StandardError.Trim();
                throw new BerthException(RuncErrors.IsNotExist(message) ? ErrorKind.NotFound : ErrorKind.Internal,
                    message.Length > 0 ? message : $"runc update exited {result.ExitCode}");
            }
        }
        finally
        {
            File.Delete(log);
        }
    }

    private Task Run(IReadOnlyList<string> args, byte[]? stdin, CancellationToken cancellationToken) =>
        _runner.RunAsync(CommandLine.RuncPath, args, new CommandOptions(Timeout, stdin), cancellationToken);
}
