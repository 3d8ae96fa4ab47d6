using Berth.Testing;

namespace Berth.Integration.Tests;

/// <summary>berthd killed and restarted: running containers on user networks get their embedded DNS server back.</summary>
public sealed class EmbeddedDnsDaemonRestartTests
{
    [Fact]
    public async Task TheEmbeddedServerOfARunningContainerIsBackAfterBerthdWasKilled()
    {
        await using var daemon = await DaemonProcess.StartAsync();
        var cli = daemon.Cli();
        using (var dir = new TempDir("bb-"))
            (await cli.RunAsync("berth", ["import", "-c", "CMD [\"sh\"]", BusyboxRootfs.CreateTar(dir.Combine("r.tar")), "busybox"])).EnsureSuccess();
        (await cli.RunAsync("berth", ["network", "create", "--subnet", "10.199.93.0/24", "dnsr"])).EnsureSuccess();
        try
        {
            (await cli.RunAsync("berth", ["run", "-d", "--name", "dnsr-a", "--network", "dnsr", "busybox", "sleep", "120"])).EnsureSuccess();
            (await cli.RunAsync("berth", ["run", "-d", "--name", "dnsr-b", "--network", "dnsr", "--network-alias", "bee", "busybox", "sleep", "120"])).EnsureSuccess();
            Assert.Contains("Address: 10.199.93.", (await cli.RunAsync("berth", ["exec", "dnsr-a", "nslookup", "bee", "127.0.0.11"])).EnsureSuccess().Stdout);

            daemon.KillHard();
            await daemon.RestartAsync();

            var again = await cli.RunAsync("berth", ["exec", "dnsr-a", "nslookup", "bee", "127.0.0.11"]);
            Assert.Contains("Address: 10.199.93.", again.EnsureSuccess().Stdout);
        }
        finally
        {
            await cli.RunAsync("berth", ["rm", "-f", "dnsr-a", "dnsr-b"]);
            await cli.RunAsync("berth", ["network", "rm", "dnsr"]);
        }
    }
}
