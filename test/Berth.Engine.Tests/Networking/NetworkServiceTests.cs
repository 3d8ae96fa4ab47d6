using Berth.Core;
using Berth.Engine.Containers;
using Berth.Engine.Networking;
using Berth.Runtime.Commands;
using Berth.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Berth.Engine.Tests.Networking;

/// <summary>Network records and subnet choice (no kernel state: nothing here attaches a container).</summary>
public sealed class NetworkServiceTests : IDisposable
{
    private readonly TempDir _dir = new("nets-");

    private NetworkService Service(NetworkOptions? options = null) => new(
        new NetworkStore(_dir.Path), new BridgeDriver(new ProcessCommandRunner()), options ?? new NetworkOptions(),
        new ContainerPaths(_dir.Path, _dir.Combine("x")), TimeProvider.System, NullLogger<NetworkService>.Instance);

    [Fact]
    public async Task UserNetworksGetFreeSubnetsFromThePoolsAndOverlapsAreConflicts()
    {
        var service = Service(new NetworkOptions { BridgeIp = "10.50.0.1/16", AddressPools = [new AddressPool("10.60.0.0/16", 24)] });
        var first = await service.CreateAsync("a", null, null, false, null, CancellationToken.None);
        var second = await service.CreateAsync("b", null, null, false, null, CancellationToken.None);
        Assert.Equal(("10.60.0.0/24", "10.60.0.1"), (first.Subnet, first.Gateway));
        Assert.Equal("10.60.1.0/24", second.Subnet);

        var overlap = await Assert.ThrowsAsync<BerthException>(() => service.CreateAsync("c", "10.50.3.0/24", null, false, null, CancellationToken.None));
        Assert.Equal(ErrorKind.Conflict, overlap.Kind);
        var duplicate = await Assert.ThrowsAsync<BerthException>(() => service.CreateAsync("a", "10.70.0.0/24", null, false, null, CancellationToken.None));
        Assert.Equal(ErrorKind.Conflict, duplicate.Kind);
        var predefined = await Assert.ThrowsAsync<BerthException>(() => service.CreateAsync("bridge", null, null, false, null, CancellationToken.None));
        Assert.Equal(ErrorKind.Forbidden, predefined.Kind);
    }

    [Fact]
    public async Task NetworksSurviveARestartAndThePredefinedOneCannotBeRemoved()
    {
        var created = await Service().CreateAsync("kept", "10.90.0.0/24", "10.90.0.254", true, new Dictionary<string, string> { ["k"] = "v" }, CancellationToken.None);
        var reopened = Service();
        var found = reopened.Get("kept");
        Assert.Equal((created.Id, "10.90.0.254", true, "v"), (found.Id, found.Gateway, found.Internal, found.Labels["k"]));
        Assert.Same(found, reopened.Get(created.Id[..8]));
        var bridge = reopened.Get(NetworkService.DefaultNetworkName);
        Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<BerthException>(() => reopened.RemoveAsync(bridge.Id, CancellationToken.None))).Kind);
        Assert.Equal(ErrorKind.NotFound, Assert.Throws<BerthException>(() => reopened.Get("nope")).Kind);
    }

    public void Dispose() => _dir.Dispose();
}
