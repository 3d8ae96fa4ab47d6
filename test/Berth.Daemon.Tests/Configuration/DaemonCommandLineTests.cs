using Berth.Core;
using Berth.Daemon.Configuration;
using Microsoft.Extensions.Logging;

namespace Berth.Daemon.Tests.Configuration;

public sealed class DaemonCommandLineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("berthd-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private DaemonOptions Parse(params string[] args)
    {
        var commandLine = new DaemonCommandLine();
        var result = commandLine.Command.Parse(args);
        Assert.Empty(result.Errors);
        return commandLine.ToOptions(result);
    }

    private string WriteConfig(string json)
    {
        var path = Path.Combine(_dir, "daemon.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void Defaults_follow_the_roots()
    {
        var options = Parse("--config-file", WriteConfig("{}"), "--exec-root", "/run/b2");
        Assert.Equal("/var/lib/berth", options.DataRoot);
        Assert.Equal("/run/b2", options.ExecRoot);
        Assert.Equal("/run/b2/berthd.pid", options.PidFile);
        Assert.Equal("unix:///run/berth/berth.sock", Assert.Single(options.Hosts).ToString());
        Assert.Equal(LogLevel.Information, options.LogLevel);
    }

    [Fact]
    public void Hosts_are_repeatable()
    {
        var options = Parse("--config-file", WriteConfig("{}"), "-H", "unix:///tmp/a.sock", "--host", "tcp://127.0.0.1:2399");
        Assert.Equal(["unix:///tmp/a.sock", "tcp://127.0.0.1:2399"], options.Hosts.Select(h => h.ToString()));
    }

    [Fact]
    public void File_values_apply_and_flags_win()
    {
        var config = WriteConfig("""
            {"data-root": "/srv/berth", "exec-root": "/run/x", "hosts": ["unix:///tmp/f.sock"], "log-level": "debug",
             "pidfile": "/run/x/other.pid", "registry-mirrors": ["https://m.example"], "insecure-registries": ["r.local:5000"]}
            """);
        var fromFile = Parse("--config-file", config);
        Assert.Equal("/srv/berth", fromFile.DataRoot);
        Assert.Equal("/run/x/other.pid", fromFile.PidFile);
        Assert.Equal("unix:///tmp/f.sock", Assert.Single(fromFile.Hosts).ToString());
        Assert.Equal(LogLevel.Debug, fromFile.LogLevel);
        Assert.Equal(["https://m.example"], fromFile.RegistryMirrors);
        Assert.Equal(["r.local:5000"], fromFile.InsecureRegistries);

        var flagged = Parse("--config-file", config, "--data-root", "/srv/flag", "-H", "unix:///tmp/flag.sock", "--log-level", "warn");
        Assert.Equal("/srv/flag", flagged.DataRoot);
        Assert.Equal("unix:///tmp/flag.sock", Assert.Single(flagged.Hosts).ToString());
        Assert.Equal(LogLevel.Warning, flagged.LogLevel);
    }

    [Fact]
    public void Bridge_settings_come_from_the_file_and_flags_win()
    {
        var config = WriteConfig("""{"bridge": "bx0", "bip": "10.77.0.1/24", "default-address-pools": [{"base": "10.80.0.0/16", "size": 26}]}""");
        var fromFile = Parse("--config-file", config).Network;
        Assert.Equal("bx0", fromFile.BridgeName);
        Assert.Equal("10.77.0.1/24", fromFile.BridgeIp);
        Assert.Equal(new Berth.Engine.Networking.AddressPool("10.80.0.0/16", 26), Assert.Single(fromFile.AddressPools));
        var flagged = Parse("--config-file", config, "--bridge", "by0", "--bip", "10.78.0.1/16").Network;
        Assert.Equal(("by0", "10.78.0.1/16"), (flagged.BridgeName, flagged.BridgeIp));
        Assert.Throws<BerthException>(() => Parse("--config-file", WriteConfig("""{"bip": "not-a-cidr"}""")));
    }

    [Fact]
    public void Unknown_keys_are_named_in_the_error()
    {
        var config = WriteConfig("""{"data-root": "/x", "storage-drivr": "overlay2", "fixed-cidr": "10.0.0.0/24"}""");
        var e = Assert.Throws<BerthException>(() => Parse("--config-file", config));
        Assert.Contains("the following directives don't match any configuration option: storage-drivr, fixed-cidr", e.Message, StringComparison.Ordinal);
        Assert.Contains(config, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_value_types_and_bad_json_are_errors()
    {
        Assert.Throws<BerthException>(() => Parse("--config-file", WriteConfig("""{"hosts": "unix:///x"}""")));
        Assert.Throws<BerthException>(() => Parse("--config-file", WriteConfig("""{"hosts": [""")));
        Assert.Throws<BerthException>(() => Parse("--config-file", WriteConfig("{}"), "--log-level", "loud"));
    }

    [Fact]
    public void A_named_config_file_must_exist()
    {
        var e = Assert.Throws<BerthException>(() => Parse("--config-file", Path.Combine(_dir, "missing.json")));
        Assert.Contains("no such file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_config_file_means_no_settings() =>
        Assert.Equal(DaemonConfigFile.Empty, DaemonConfigFile.Parse(""u8));

    [Theory]
    [InlineData("unix:///run/x.sock", "unix:///run/x.sock")]
    [InlineData("unix://", "unix:///default.sock")]
    [InlineData("tcp://127.0.0.1:2376", "tcp://127.0.0.1:2376")]
    [InlineData("tcp://0.0.0.0", "tcp://0.0.0.0:2375")]
    [InlineData("tcp://:2380", "tcp://0.0.0.0:2380")]
    [InlineData("tcp://[::1]:2380", "tcp://[::1]:2380")]
    public void Host_addresses_parse(string text, string expected) =>
        Assert.Equal(expected, HostAddress.Parse(text, "/default.sock").ToString());

    [Theory]
    [InlineData("fd://")]
    [InlineData("unix://relative.sock")]
    [InlineData("tcp://example.com:2375")]
    [InlineData("tcp://1.2.3.4:99999")]
    [InlineData("/run/x.sock")]
    public void Bad_host_addresses_are_refused(string text) =>
        Assert.Throws<BerthException>(() => HostAddress.Parse(text, "/default.sock"));
}
