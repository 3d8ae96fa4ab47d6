using Berth.Api;
using Berth.Core;

namespace Berth.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>
    /// <c>docker update</c>: applies new cgroup limits to a running (or paused) container through
    /// <c>runc update</c> and records them in its HostConfig, so they hold after a restart; a stopped container's
    /// record is only updated. A runc failure (a memory limit below current use …) changes nothing and is a 500
    /// <c>Cannot update container ID: …</c> carrying runc's message, as with dockerd. Returns the warnings (none).
    /// </summary>
    public async Task<IReadOnlyList<string>> UpdateAsync(string idOrName, ContainerUpdateRequest update, CancellationToken cancellationToken)
    {
        ContainerResourceUpdate.Validate(update);
        var record = Get(idOrName);
        using (await _locks.AcquireAsync(record.Id, cancellationToken).ConfigureAwait(false))
        {
            record = Get(record.Id);
            var merged = ContainerResourceUpdate.Merge(record, update);
            if (ContainerResourceUpdate.ChangesResources(update) && record.State.IsRunning && _running.ContainsKey(record.Id))
            {
                try
                {
                    await _runtime.UpdateAsync(record.Id, ContainerResourceUpdate.ToLinuxResources(merged), cancellationToken).ConfigureAwait(false);
                }
                catch (BerthException e)
                {
                    throw new BerthException(ErrorKind.Internal, $"Cannot update container {record.Id}: {e.Message}", e);
                }
            }
            await _store.SaveAsync(record with { HostConfig = merged }, CancellationToken.None).ConfigureAwait(false);
        }
        return [];
    }
}
