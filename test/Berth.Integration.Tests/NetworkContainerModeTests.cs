using System.Text.Json;
using Berth.Testing;

namespace Berth.Integration.Tests;

/// <summary>
/// <c>--network container:&lt;name|id&gt;</c>: the joiner is in the target's namespace and shares its /etc/hosts,
/// /etc/resolv.conf and hostname (names resolve through the target's embedded DNS server), and what it would
/// share is refused with dockerd's conflict errors.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class NetworkContainerModeTests(EngineFixture engine)
{
    [Fact]
    public async Task AJoinerSharesTheTargetsNamespaceFilesAndHostnameAndResolvesThroughItsServer()
    {
        (await engine.Berth("network", "create", "--subnet", "10.199.94.0/24", "cm-net")).EnsureSuccess();
        try
        {
            (await engine.Berth("run", "-d", "--name", "cm-target", "--network", "cm-net", "--hostname", "tgt", "busybox", "sleep", "120")).EnsureSuccess();
            (await engine.Berth("run", "-d", "--name", "cm-peer", "--network", "cm-net", "busybox", "sleep", "120")).EnsureSuccess();
            var targetIp = await IpAsync("cm-target");
            var peerIp = await IpAsync("cm-peer");

            var joiner = (await engine.Berth("run", "-d", "--name", "cm-joiner", "--network", "container:cm-target", "busybox", "sleep", "120"))
                .EnsureSuccess().Stdout.Trim();
            var seen = (await engine.Berth("exec", "cm-joiner", "sh", "-c", "hostname; ip -4 addr show eth0; cat /etc/hosts /etc/resolv.conf"))
                .EnsureSuccess().Stdout;
            Assert.StartsWith("tgt\n", seen);
            Assert.Contains($"inet {targetIp}/24", seen);
            Assert.Contains($"{targetIp}\ttgt\n", seen);
            Assert.Contains("nameserver 127.0.0.11\n", seen);
            Assert.Equal(await FileInAsync("cm-target", "/etc/hosts"), await FileInAsync("cm-joiner", "/etc/hosts"));
            Assert.Equal(await FileInAsync("cm-target", "/etc/resolv.conf"), await FileInAsync("cm-joiner", "/etc/resolv.conf"));

            // The target's server answers in the shared namespace, for the names the target sees.
            Assert.Contains("Address: " + peerIp, (await engine.Berth("exec", "cm-joiner", "nslookup", "cm-peer", "127.0.0.11")).EnsureSuccess().Stdout);
            Assert.Contains("1 packets received", (await engine.Berth("exec", "cm-joiner", "ping", "-c1", "-W2", "cm-peer.cm-net")).EnsureSuccess().Stdout);

            var target = await InspectAsync("cm-target");
            var joined = await InspectAsync("cm-joiner");
            foreach (var path in new[] { "HostsPath", "ResolvConfPath", "HostnamePath" })
                Assert.Equal(target.GetProperty(path).GetString(), joined.GetProperty(path).GetString());
            Assert.Equal("tgt", joined.GetProperty("Config").GetProperty("Hostname").GetString());
            Assert.Equal(target.GetProperty("NetworkSettings").GetProperty("SandboxKey").GetString(),
                joined.GetProperty("NetworkSettings").GetProperty("SandboxKey").GetString());
            Assert.Equal(ReadLink($"/proc/{target.GetProperty("State").GetProperty("Pid").GetInt32()}/ns/net"),
                ReadLink($"/proc/{joined.GetProperty("State").GetProperty("Pid").GetInt32()}/ns/net"));

            (await engine.Berth("rm", "-f", joiner)).EnsureSuccess();
            // The joiner's removal leaves the target's network alone.
            Assert.Contains("Address: " + peerIp, (await engine.Berth("exec", "cm-target", "nslookup", "cm-peer", "127.0.0.11")).EnsureSuccess().Stdout);
        }
        finally
        {
            await engine.Berth("rm", "-f", "cm-joiner", "cm-target", "cm-peer");
            await engine.Berth("network", "rm", "cm-net");
        }
    }

    [Theory]
    [InlineData("--hostname", "h", "conflicting options: hostname and the network mode")]
    [InlineData("--dns", "10.1.2.3", "conflicting options: dns and the network mode")]
    [InlineData("--add-host", "a.test:10.9.9.9", "conflicting options: custom host-to-IP mapping and the network mode")]
    [InlineData("-p", "18099:80", "conflicting options: port publishing and the container type network mode")]
    public async Task WhatTheTargetDecidesIsRefusedWithDockersConflictErrors(string option, string value, string message)
    {
        var refused = await engine.Berth("run", "--rm", "--network", "container:cm-any", option, value, "busybox", "true");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains(message, refused.Stderr);
    }

    [Fact]
    public async Task TheDockerCliGetsTheSameConflictError()
    {
        var refused = await engine.Docker("run", "--rm", "--network", "container:cm-any", "--hostname", "h", "busybox", "true");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("conflicting options: hostname and the network mode", refused.Stderr);
    }

    private async Task<JsonElement> InspectAsync(string container) =>
        JsonDocument.Parse((await engine.Berth("inspect", container)).EnsureSuccess().Stdout).RootElement[0];

    private async Task<string> IpAsync(string container) =>
        (await InspectAsync(container)).GetProperty("NetworkSettings").GetProperty("Networks").GetProperty("cm-net").GetProperty("IPAddress").GetString()!;

    private async Task<string> FileInAsync(string container, string path) =>
        (await engine.Berth("exec", container, "cat", path)).EnsureSuccess().Stdout;

    private static string? ReadLink(string path) => new FileInfo(path).LinkTarget;
}
