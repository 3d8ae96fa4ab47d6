using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Berth.Core;
using Berth.Runtime.Commands;
using Berth.Runtime.Runc;
using Berth.Runtime.Shim;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Berth.Engine.Runtime;

/// <summary>
/// <see cref="IContainerRuntime"/> with one berth-shim process per container. The shim runs in its own
/// session with stdio on /dev/null once the container runs, so it (and the container, and its logging)
/// outlives the daemon; <see cref="ConnectAsync"/> finds it again through <c>&lt;state-dir&gt;/shim.sock</c>.
/// </summary>
public sealed partial class ShimContainerRuntime : IContainerRuntime
{
    // sockaddr_un.sun_path is 108 bytes including the terminating NUL.
    private const int MaxSocketPath = 107;
    private readonly ShimRuntimeOptions _options;
    private readonly IOciRuntime _runc;
    private readonly ILogger _logger;

    public ShimContainerRuntime(ShimRuntimeOptions options, ICommandRunner? commandRunner = null, ILogger<ShimContainerRuntime>? logger = null)
    {
        // runc is resolved once: the shim spawns it for every create, start, exec and kill.
        _options = options with { RuncPath = ExecutablePath.Resolve(options.RuncPath) };
        _runc = new RuncRuntime(commandRunner ?? new ProcessCommandRunner(), new RuncCommandLine(_options.RuncPath, _options.RuncRoot));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public async Task<IContainerTask> StartAsync(TaskStartRequest request, CancellationToken cancellationToken)
    {
        var socketPath = ShimPaths.Socket(request.StateDir);
        if (Encoding.UTF8.GetByteCount(Path.GetFullPath(socketPath)) > MaxSocketPath)
            throw new BerthException(ErrorKind.InvalidArgument, $"state dir too long for a unix socket: {socketPath}");
        Directory.CreateDirectory(request.StateDir);
        Directory.CreateDirectory(_options.RuncRoot);

        var shimPath = ShimLocator.Locate(_options.ShimPath);
        var arguments = new ShimArguments(request.ContainerId, request.BundleDir, request.StateDir, request.LogPath,
            _options.RuncPath, _options.RuncRoot, request.Rotation.MaxSizeBytes, request.Rotation.MaxFiles,
            request.OpenStdin, request.Tty, request.StdinOnce,
            request.ConsoleSize?.Height ?? 0, request.ConsoleSize?.Width ?? 0, request.Attachers);
        LogStarting(_logger, request.ContainerId, shimPath);

        var process = StartShimProcess(shimPath, arguments);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        ShimReadiness readiness;
        try
        {
            readiness = await ReadReadinessAsync(process, stderr, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await StopFailedShimAsync(process, request).ConfigureAwait(false);
            throw;
        }

        if (!readiness.Ok)
        {
            await StopFailedShimAsync(process, request).ConfigureAwait(false);
            var kind = Enum.TryParse<ErrorKind>(readiness.Kind, out var parsed) ? parsed : ErrorKind.Internal;
            throw new BerthException(kind, readiness.Error ?? "berth-shim failed to start the container");
        }
        return new ShimTask(request.ContainerId, request.StateDir, readiness.Pid, process);
    }

    public async Task<IContainerTask?> ConnectAsync(string containerId, string stateDir, CancellationToken cancellationToken)
    {
        var socketPath = ShimPaths.Socket(stateDir);
        if (!File.Exists(socketPath)) return null;
        try
        {
            var state = await new ShimClient(socketPath).CallAsync(new ShimRequest { Op = ShimRequest.State }, cancellationToken).ConfigureAwait(false);
            return state.Ok ? new ShimTask(containerId, stateDir, state.Pid, process: null) : null;
        }
        catch (ShimUnavailableException)
        {
            return null;
        }
    }

    public ExitRecord? ReadExit(string stateDir) => ReadExitFile(stateDir);

    public Task PauseAsync(string containerId, CancellationToken cancellationToken) => _runc.PauseAsync(containerId, cancellationToken);

    public Task ResumeAsync(string containerId, CancellationToken cancellationToken) => _runc.ResumeAsync(containerId, cancellationToken);

    public Task UpdateAsync(string containerId, Berth.Runtime.Spec.LinuxResources resources, CancellationToken cancellationToken) =>
        _runc.UpdateAsync(containerId, resources, cancellationToken);

    public async Task DeleteAsync(string containerId, string stateDir, CancellationToken cancellationToken)
    {
        // A shim still running owns the container: kill everything and let it record the exit first.
        if (await ConnectAsync(containerId, stateDir, cancellationToken).ConfigureAwait(false) is { } task)
        {
            await using (task.ConfigureAwait(false))
            {
                await task.KillAsync(9, all: true, cancellationToken).ConfigureAwait(false);
                using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                bounded.CancelAfter(TimeSpan.FromSeconds(30));
                try { await task.WaitAsync(bounded.Token).ConfigureAwait(false); }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested) { }
            }
        }
        // The shim runs `runc delete` itself after the exit; only a container runc still knows needs it here
        // (each runc call costs ~10 ms on the `run --rm` path).
        if (Directory.Exists(Path.Combine(_options.RuncRoot, containerId)))
            await _runc.DeleteAsync(containerId, force: true, cancellationToken).ConfigureAwait(false);
        if (Directory.Exists(stateDir)) Directory.Delete(stateDir, recursive: true);
    }

    internal static ExitRecord? ReadExitFile(string stateDir)
    {
        var path = ShimPaths.Exit(stateDir);
        if (!File.Exists(path)) return null;
        var status = JsonSerializer.Deserialize(File.ReadAllBytes(path), ShimJsonContext.Default.ShimExitStatus);
        return status is null ? null : new ExitRecord(status.ExitCode, status.OomKilled, status.ExitedAt);
    }

    private static Process StartShimProcess(string shimPath, ShimArguments arguments)
    {
        var info = new ProcessStartInfo(shimPath)
        {
            UseShellExecute = false,
            // Process cannot hand a child /dev/null; the shim never reads this pipe (runc gets its own
            // stdin) and points fd 0 at /dev/null itself once the container runs.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in arguments.ToArgs()) info.ArgumentList.Add(a);
        var process = Process.Start(info) ?? throw new BerthException(ErrorKind.Internal, $"could not start {shimPath}");
        process.StandardInput.Close();
        return process;
    }

    private async Task<ShimReadiness> ReadReadinessAsync(Process process, Task<string> stderr, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.StartTimeout ?? TimeSpan.FromMinutes(2));
        string? line;
        try
        {
            line = await process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BerthException(ErrorKind.Internal, "berth-shim did not report readiness in time");
        }
        if (string.IsNullOrEmpty(line))
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            var text = (await stderr.ConfigureAwait(false)).Trim();
            throw new BerthException(ErrorKind.Internal, $"berth-shim exited {process.ExitCode} before the container ran: {text}");
        }
        try
        {
            return JsonSerializer.Deserialize(line, ShimJsonContext.Default.ShimReadiness)
                ?? throw new BerthException(ErrorKind.Internal, "berth-shim printed an empty readiness line");
        }
        catch (JsonException e)
        {
            throw new BerthException(ErrorKind.Internal, $"berth-shim printed an unreadable readiness line: {line}", e);
        }
    }

    /// <summary>After a failed start: the shim exits on its own; make sure of it and of runc's state.</summary>
    private async Task StopFailedShimAsync(Process process, TaskStartRequest request)
    {
        using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(bounded.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try { process.Kill(); } catch (InvalidOperationException) { }
        }
        process.Dispose();
        try
        {
            await _runc.DeleteAsync(request.ContainerId, force: true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (BerthException e)
        {
            LogCleanupFailed(_logger, request.ContainerId, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "starting container {ContainerId} with {Shim}")]
    private static partial void LogStarting(ILogger logger, string containerId, string shim);

    [LoggerMessage(Level = LogLevel.Warning, Message = "cleanup of failed container {ContainerId}: {Error}")]
    private static partial void LogCleanupFailed(ILogger logger, string containerId, string error);
}
