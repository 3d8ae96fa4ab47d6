using System.Net;
using System.Text;
using Berth.Daemon.Configuration;

namespace Berth.Daemon.Tests.Configuration;

public sealed class RegistrySettingsTests
{
    [Fact]
    public void Mirrors_may_be_a_map_per_registry_and_the_concurrency_is_configurable()
    {
        var file = DaemonConfigFile.Parse(Encoding.UTF8.GetBytes("""
            {"registry-mirrors": {"docker.io": ["https://hub-mirror.example"], "127.0.0.1:5000": ["http://10.0.0.2:5000", "https://m2.example/v"]},
             "max-concurrent-downloads": 6, "max-concurrent-uploads": 2}
            """));
        Assert.Null(file.RegistryMirrors);
        Assert.Equal(6, file.MaxConcurrentDownloads);
        var options = DaemonOptions.ForRoots("/tmp/d", "/tmp/x", "/tmp/s.sock") with
        {
            RegistryMirrorsByRegistry = file.RegistryMirrorsByRegistry!,
            MaxConcurrentDownloads = 6,
            MaxConcurrentUploads = 2,
        };

        var settings = RegistrySettings.From(options);

        Assert.Equal(["https://hub-mirror.example/"], settings.Mirrors);
        Assert.Equal(["http://10.0.0.2:5000/", "https://m2.example/v/"], settings.MirrorsByRegistry["127.0.0.1:5000"]);
        var engine = settings.ToConfiguration();
        Assert.Equal(new Uri("http://10.0.0.2:5000/"), engine.MirrorsFor("127.0.0.1:5000")[0]);
        Assert.Equal(6, engine.MaxConcurrentDownloads);
        Assert.Equal(2, engine.MaxConcurrentUploads);
        Assert.Contains(engine.InsecureNetworks, n => n.Contains(IPAddress.Parse("127.0.0.5")));
    }

    [Fact]
    public void A_list_of_mirrors_is_docker_io_s_and_bad_values_are_errors()
    {
        var file = DaemonConfigFile.Parse("""{"registry-mirrors": ["https://m.example"]}"""u8);
        Assert.Equal(["https://m.example"], file.RegistryMirrors);
        Assert.Null(file.RegistryMirrorsByRegistry);
        Assert.Throws<Berth.Core.BerthException>(() => DaemonConfigFile.Parse("""{"registry-mirrors": {"docker.io": "x"}}"""u8));
        Assert.Throws<Berth.Core.BerthException>(() => DaemonConfigFile.Parse("""{"max-concurrent-downloads": 0}"""u8));
    }
}
