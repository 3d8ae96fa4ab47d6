using Berth.Core;
using Berth.Engine.Events;
using Microsoft.Extensions.Logging;

namespace Berth.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>
    /// <c>docker rm [-f]</c>: a running container needs force (then it is killed first). Removes the record,
    /// logs, writable layer and runtime state; signals "removed" waiters.
    /// </summary>
    /// <param name="removeVolumes"><c>rm -v</c>: the container's anonymous volumes go too.</param>
    public async Task RemoveAsync(string idOrName, bool force, CancellationToken cancellationToken, bool removeVolumes = false)
    {
        var record = Get(idOrName);
        if (_running.TryGetValue(record.Id, out var running))
        {
            if (!force)
                throw BerthException.Conflict(
                    $"cannot remove container \"/{record.Name}\": container is running: stop the container before removing or force remove");
            await StopPendingRestartOrMarkStoppedAsync(record.Id, cancellationToken).ConfigureAwait(false);
            await SignalAsync(record.Id, running, SigKill, all: true, cancellationToken).ConfigureAwait(false);
            await running.Exited.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        using (await _locks.AcquireAsync(record.Id, cancellationToken).ConfigureAwait(false))
        {
            var current = _store.View.Find(record.Id);
            if (current is null) return; // removed meanwhile (AutoRemove)
            if (current.State.Status == ContainerStatus.Restarting)
            {
                if (!force)
                    throw BerthException.Conflict(
                        $"cannot remove container \"/{current.Name}\": container is restarting: stop the container before removing or force remove");
                current = await CancelPendingRestartLockedAsync(current.Id, manuallyStopped: true).ConfigureAwait(false) ?? current;
            }
            await RemoveLockedAsync(current, cancellationToken, removeVolumes).ConfigureAwait(false);
        }
        _locks.Forget(record.Id);
        _restarts.TryRemove(record.Id, out _);
    }

    /// <summary>Removal proper; the caller holds the container's lock and the container is not running.</summary>
    private async Task RemoveLockedAsync(ContainerRecord record, CancellationToken cancellationToken, bool removeVolumes = false)
    {
        await _store.SaveAsync(record with { State = record.State.Removing() }, cancellationToken).ConfigureAwait(false);
        _rootfs.Unmount(record.Id);
        await _runtime.DeleteAsync(record.Id, _paths.StateDir(record.Id), cancellationToken).ConfigureAwait(false);
        if (_networking is not null) await _networking.TearDownAsync(record.Id, record.Network, cancellationToken).ConfigureAwait(false);
        await _images.RemoveContainerLayerAsync(record.Id, cancellationToken).ConfigureAwait(false);
        await _store.DeleteAsync(record.Id, cancellationToken).ConfigureAwait(false);
        _events.PublishContainerEvent(record, ContainerEvents.Destroy);
        // --rm and rm -v take the anonymous volumes (named ones stay, as with dockerd); one still used elsewhere stays.
        if (removeVolumes || record.HostConfig.AutoRemove)
            foreach (var mount in record.Mounts.Where(m => m.AnonymousVolume && m.Name is not null))
                await RemoveVolumeQuietlyAsync(mount.Name!).ConfigureAwait(false);
        var runDir = _paths.RunDir(record.Id);
        if (Directory.Exists(runDir)) Directory.Delete(runDir, recursive: true);
        LogRemoved(_logger, record.Id);
        _waiters.SignalRemoved(record.Id, record.State);
    }

    /// <summary><c>docker container prune</c>: removes every container that is not running.</summary>
    public async Task<(IReadOnlyList<string> Deleted, long SpaceReclaimed)> PruneAsync(Func<ContainerRecord, bool> filter, CancellationToken cancellationToken)
    {
        var deleted = new List<string>();
        long reclaimed = 0;
        foreach (var record in _store.View.All.Where(c => !c.State.IsRunning && !_running.ContainsKey(c.Id) && filter(c)).ToList())
        {
            var size = _images.ContainerLayerSize(record.Id);
            await RemoveAsync(record.Id, force: false, cancellationToken).ConfigureAwait(false);
            deleted.Add(record.Id);
            reclaimed += size;
        }
        return (deleted, reclaimed);
    }

    /// <summary><c>docker rename</c>.</summary>
    public async Task RenameAsync(string idOrName, string newName, CancellationToken cancellationToken)
    {
        var record = Get(idOrName);
        var name = ContainerNames.Validate(newName);
        await _nameLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (record.Name == name)
                throw BerthException.Invalid("Renaming a container with the same name as its current name");
            if (_store.View.ByName(name) is { } existing)
                throw BerthException.Conflict(
                    $"Conflict. The container name \"/{name}\" is already in use by container \"{existing.Id}\". You have to remove (or rename) that container to be able to reuse that name.");
            using (await _locks.AcquireAsync(record.Id, cancellationToken).ConfigureAwait(false))
            {
                var current = Get(record.Id);
                await _store.SaveAsync(current with { Name = name }, cancellationToken).ConfigureAwait(false);
                _events.PublishContainerEvent(current with { Name = name }, ContainerEvents.Rename,
                    new Dictionary<string, string> { ["oldName"] = "/" + current.Name });
            }
        }
        finally
        {
            _nameLock.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Container {Id} removed")]
    private static partial void LogRemoved(ILogger logger, string id);
}
