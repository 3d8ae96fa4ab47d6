using Berth.Api;
using Berth.Core;
using Berth.Engine.Networking;

namespace Berth.Engine.Tests.Networking;

/// <summary><c>--network container:</c> refuses what the shared namespace already decides, with dockerd's texts.</summary>
public sealed class ContainerNetworkModeChecksTests
{
    public static TheoryData<string, string> Conflicts => new()
    {
        { "hostname", "conflicting options: hostname and the network mode" },
        { "dns", "conflicting options: dns and the network mode" },
        { "add-host", "conflicting options: custom host-to-IP mapping and the network mode" },
        { "publish", "conflicting options: port publishing and the container type network mode" },
        { "publish-all", "conflicting options: port publishing and the container type network mode" },
        { "expose", "conflicting options: port exposing and the container type network mode" },
        { "link", "conflicting options: container type network can't be used with links. This would result in undefined behavior" },
    };

    [Theory]
    [MemberData(nameof(Conflicts))]
    public void AContainerModeContainerCannotSetWhatItShares(string option, string message)
    {
        var config = new ContainerConfig { Hostname = option == "hostname" ? "h" : "" };
        var host = new HostConfig { NetworkMode = "container:web" };
        switch (option)
        {
            case "dns": host.Dns = ["10.0.0.1"]; break;
            case "add-host": host.ExtraHosts = ["a:10.0.0.2"]; break;
            case "publish": host.PortBindings = new() { ["80/tcp"] = [new PortBinding { HostPort = "8080" }] }; break;
            case "publish-all": host.PublishAllPorts = true; break;
            case "expose": config.ExposedPorts = new() { ["80/tcp"] = new EmptyObject() }; break;
            case "link": host.Links = ["db:db"]; break;
        }
        var error = Assert.Throws<BerthException>(() => ContainerNetworkModeChecks.Validate(config, host));
        Assert.Equal((ErrorKind.InvalidArgument, message), (error.Kind, error.Message));
    }

    [Fact]
    public void OtherModesAndAPlainContainerModeAreAccepted()
    {
        ContainerNetworkModeChecks.Validate(new ContainerConfig(), new HostConfig { NetworkMode = "container:web", DnsSearch = ["x"] });
        ContainerNetworkModeChecks.Validate(new ContainerConfig { Hostname = "h" }, new HostConfig { NetworkMode = "bridge", Dns = ["10.0.0.1"] });
        ContainerNetworkModeChecks.Validate(new ContainerConfig { Hostname = "h" }, new HostConfig());
        var empty = Assert.Throws<BerthException>(() => ContainerNetworkModeChecks.Validate(new ContainerConfig(), new HostConfig { NetworkMode = "container:" }));
        Assert.Equal("invalid network mode: invalid container format container:<name|id>", empty.Message);
    }
}
