using Berth.Core;
using Berth.Engine.Runtime;

namespace Berth.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>
    /// The container an exec runs in and its running task, or dockerd's Conflict texts when it cannot take one:
    /// paused (<paramref name="idOrName"/> as given, like dockerd), restarting, or not running.
    /// </summary>
    public (ContainerRecord Record, IContainerTask Task) ExecTarget(string idOrName)
    {
        var record = Get(idOrName);
        switch (record.State.Status)
        {
            case ContainerStatus.Paused:
                throw BerthException.Conflict($"Container {idOrName} is paused, unpause the container before exec");
            case ContainerStatus.Restarting:
                throw BerthException.Conflict($"Container {record.Id} is restarting, wait until the container is running");
        }
        if (record.State.Status != ContainerStatus.Running || !_running.TryGetValue(record.Id, out var running))
            throw BerthException.Conflict($"Container {record.Id} is not running");
        return (record, running.Task);
    }
}
