using System.Collections.Concurrent;
using System.Security.Cryptography;
using Berth.Core;
using Berth.Engine.Containers;
using Berth.Engine.Specs;
using Microsoft.Extensions.Logging;

namespace Berth.Engine.Exec;

/// <summary>
/// Exec instances (<c>docker exec</c>): created against a running container, started through its shim
/// (<c>runc exec</c>), inspected until they are forgotten. In memory only, as in dockerd. Split by concern:
/// ExecService.Start.cs (start, resize), ExecService.Captured.cs (health-check probes).
/// </summary>
public sealed partial class ExecService
{
    /// <summary>How long an ended exec stays inspectable (dockerd's clean-up loop runs every 5 minutes).</summary>
    private static readonly TimeSpan Retention = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, ExecRecord> _execs = new(StringComparer.Ordinal);
    private readonly ContainerService _containers;
    private readonly ContainerPaths _paths;
    private readonly ExecProcessBuilder _builder;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public ExecService(ContainerService containers, ContainerPaths paths, TimeProvider time, ILogger<ExecService> logger, RuntimeHost? host = null)
    {
        _containers = containers;
        _paths = paths;
        _builder = new ExecProcessBuilder(host);
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// <c>POST /containers/{id}/exec</c>: registers an exec in a running container. The user is looked up now,
    /// so a bad <c>-u</c> fails early as with dockerd.
    /// </summary>
    public ExecRecord Create(string containerIdOrName, ExecOptions options)
    {
        var (container, _) = _containers.ExecTarget(containerIdOrName);
        if (options.Cmd.Count == 0 || string.IsNullOrEmpty(options.Cmd[0]))
            throw BerthException.Invalid("No exec command specified");
        if (options.User.Length > 0) ContainerUser.Resolve(_paths.RootfsDir(container.Id), options.User);
        // As dockerd: the container's user and working directory unless the exec names its own.
        options = options with
        {
            User = options.User.Length > 0 ? options.User : container.Config.User ?? "",
            WorkingDir = options.WorkingDir.Length > 0 ? options.WorkingDir : container.Config.WorkingDir ?? "",
        };
        Prune();
        var exec = new ExecRecord(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), container.Id, options, _time.GetUtcNow());
        _execs[exec.Id] = exec;
        LogCreated(_logger, exec.Id, container.Id, string.Join(' ', options.Cmd));
        return exec;
    }

    /// <summary>An exec by its full id; NotFound with dockerd's text otherwise.</summary>
    public ExecRecord Get(string id) =>
        _execs.TryGetValue(id, out var exec) ? exec : throw BerthException.NotFound($"No such exec instance: {id}");

    /// <summary>
    /// Throws what <see cref="StartAsync"/> would throw before starting anything (no such exec, container not
    /// running or paused, already started), so a hijacking caller can still answer with a plain HTTP error.
    /// </summary>
    public ExecRecord CheckStartable(string id)
    {
        var exec = Get(id);
        _containers.ExecTarget(exec.ContainerId);
        if (exec.Status.ExitCode is not null) throw BerthException.Conflict($"exec command {exec.Id} has already run");
        if (exec.Status.Started) throw BerthException.Conflict($"exec command {exec.Id} is already running");
        return exec;
    }

    /// <summary>The container's execs that have not ended (created or running): inspect's <c>ExecIDs</c>.</summary>
    public IReadOnlyList<string> IdsFor(string containerId) =>
        _execs.Values.Where(e => e.ContainerId == containerId && e.Status.ExitCode is null)
            .OrderBy(e => e.Created).Select(e => e.Id).ToList();

    /// <summary>Forgets execs that ended a while ago and those whose container is gone.</summary>
    private void Prune()
    {
        var now = _time.GetUtcNow();
        foreach (var exec in _execs.Values)
        {
            var ended = exec.Status.EndedAt is { } at && now - at > Retention;
            if (ended || _containers.View.Find(exec.ContainerId) is null) _execs.TryRemove(exec.Id, out _);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "exec {ExecId} created in {ContainerId}: {Command}")]
    private static partial void LogCreated(ILogger logger, string execId, string containerId, string command);

    [LoggerMessage(Level = LogLevel.Warning, Message = "exec {ExecId} lost its shim stream: {Error}")]
    private static partial void LogPumpFailed(ILogger logger, string execId, string error);
}
