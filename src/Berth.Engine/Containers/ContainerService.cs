using System.Collections.Concurrent;
using Berth.Engine.Events;
using Berth.Engine.Images;
using Berth.Engine.Runtime;
using Microsoft.Extensions.Logging;

using Berth.Engine.Volumes;

namespace Berth.Engine.Containers;

/// <summary>
/// Container workflows: create, start, stop, kill, wait, remove, rename, prune, restore after a restart.
/// Partial files by concern (ContainerService.Create.cs, .Start.cs, …). Writers serialise per container
/// through <see cref="KeyedLock"/>; readers use the store's immutable view.
/// </summary>
public sealed partial class ContainerService
{
    private readonly IContainerStore _store;
    private readonly IImageService _images;
    private readonly IContainerRuntime _runtime;
    private readonly ContainerRootfs _rootfs;
    private readonly ContainerBundleWriter _bundles;
    private readonly ContainerPaths _paths;
    private readonly TimeProvider _time;
    private readonly IEventPublisher _events;
    private readonly ContainerMountPlanner _mounts;
    private readonly VolumeService _volumes;
    private readonly ILogger _logger;
    private readonly KeyedLock _locks = new();
    private readonly SemaphoreSlim _nameLock = new(1, 1);
    private readonly ContainerWaiters _waiters = new();
    private readonly ConcurrentDictionary<string, RunningContainer> _running = new();

    public ContainerService(
        IContainerStore store,
        IImageService images,
        IContainerRuntime runtime,
        ContainerRootfs rootfs,
        ContainerBundleWriter bundles,
        ContainerPaths paths,
        TimeProvider time,
        ILogger<ContainerService> logger,
        IEventPublisher events,
        ContainerMountPlanner mounts,
        VolumeService volumes)
    {
        _mounts = mounts;
        _volumes = volumes;
        _store = store;
        _images = images;
        _runtime = runtime;
        _rootfs = rootfs;
        _bundles = bundles;
        _paths = paths;
        _time = time;
        _logger = logger;
        _events = events;
    }

    private Berth.Engine.Networking.IContainerNetworking? _networking;

    /// <summary>Connects networking (set after construction, like the health monitor); without it containers get an empty netns.</summary>
    public void UseNetworking(Berth.Engine.Networking.IContainerNetworking networking) => _networking = networking;

    /// <summary>The current records, lock-free.</summary>
    public ContainerStoreView View => _store.View;

    public ContainerRecord Get(string idOrName) => _store.View.Get(idOrName);

    /// <summary>A container whose shim we hold, with a completion that fires after its exit is recorded.</summary>
    private sealed record RunningContainer(IContainerTask Task, TaskCompletionSource Exited);
}
