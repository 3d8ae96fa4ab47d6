using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Berth.Testing;

namespace Berth.Integration.Tests;

/// <summary>
/// berthd against Debian's reference registry: push, pull into a fresh daemon, run; htpasswd login; and the
/// real docker CLI pushing and pulling through berthd.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class RegistryTests(EngineFixture engine)
{
    [Fact]
    public async Task PushedImagePullsIntoAFreshDaemonAndRuns()
    {
        await using var registry = await DockerRegistryProcess.StartAsync();
        var name = $"{registry.Address}/it/busybox:1.0";
        (await engine.Berth("tag", "busybox", name)).EnsureSuccess();

        var push = (await engine.Berth("push", name)).EnsureSuccess();
        Assert.Contains($"The push refers to repository [{registry.Address}/it/busybox]", push.Stdout);
        Assert.Contains(": Pushed", push.Stdout);
        Assert.Matches(@"1\.0: digest: sha256:[0-9a-f]{64} size: \d+", push.Stdout);
        var again = (await engine.Berth("push", name)).EnsureSuccess();
        Assert.Contains(": Layer already exists", again.Stdout);

        await using var second = await DaemonProcess.StartAsync();
        var cli = second.Cli();
        var pull = (await cli.RunAsync("berth", ["pull", name])).EnsureSuccess();
        Assert.Contains("1.0: Pulling from it/busybox", pull.Stdout);
        Assert.Contains(": Pull complete", pull.Stdout);
        Assert.Contains($"Status: Downloaded newer image for {name}", pull.Stdout);
        Assert.DoesNotContain("Downloading [", pull.Stdout); // no progress bars off a terminal
        var id = (await engine.Berth("image", "inspect", "-f", "{{.Id}}", name)).EnsureSuccess().Stdout;
        Assert.Equal(id, (await cli.RunAsync("berth", ["image", "inspect", "-f", "{{.Id}}", name])).EnsureSuccess().Stdout);
        var run = (await cli.RunAsync("berth", ["run", "--rm", name, "sh", "-c", "echo pulled-and-ran"])).EnsureSuccess();
        Assert.Equal("pulled-and-ran\n", run.Stdout);

        var missing = await cli.RunAsync("berth", ["pull", $"{registry.Address}/it/busybox:nope"]);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains($"manifest for {registry.Address}/it/busybox:nope not found: manifest unknown", missing.Stderr);
    }

    [Fact]
    public async Task TwoImagesSharingTheirBaseLayerPullConcurrentlyIntoAFreshDaemon()
    {
        await using var registry = await DockerRegistryProcess.StartAsync();
        var baseName = $"{registry.Address}/it/shared-base:1";
        var childName = $"{registry.Address}/it/shared-child:1";
        (await engine.Berth("tag", "busybox", baseName)).EnsureSuccess();
        (await engine.Berth("run", "--name", "reg-shared", "busybox", "sh", "-c", "echo child > /child")).EnsureSuccess();
        try
        {
            (await engine.Berth("commit", "reg-shared", childName)).EnsureSuccess();
            (await engine.Berth("push", baseName)).EnsureSuccess();
            (await engine.Berth("push", childName)).EnsureSuccess();

            await using var second = await DaemonProcess.StartAsync();
            var cli = second.Cli();
            var pulls = await Task.WhenAll(cli.RunAsync("berth", ["pull", baseName]), cli.RunAsync("berth", ["pull", childName]));
            Assert.All(pulls, p => Assert.Contains("Status: Downloaded newer image for", p.EnsureSuccess().Stdout));
            Assert.Equal("child\n", (await cli.RunAsync("berth", ["run", "--rm", childName, "cat", "/child"])).EnsureSuccess().Stdout);
            Assert.Equal("ok\n", (await cli.RunAsync("berth", ["run", "--rm", baseName, "echo", "ok"])).EnsureSuccess().Stdout);
        }
        finally
        {
            await engine.Berth("rm", "-f", "reg-shared");
            await engine.Berth("rmi", baseName, childName);
        }
    }

    [Fact]
    public async Task LoginToAnHtpasswdRegistryGatesPush()
    {
        await using var registry = await DockerRegistryProcess.StartAsync("alice", "s3cret");
        using var home = new TempDir("home-");
        var cli = engine.Cli.With("HOME", home.Path);
        var name = $"{registry.Address}/private/busybox:1";
        (await cli.RunAsync("berth", ["tag", "busybox", name])).EnsureSuccess();

        var anonymous = await cli.RunAsync("berth", ["push", name]);
        Assert.NotEqual(0, anonymous.ExitCode);
        Assert.Contains("unauthorized", anonymous.Stderr);
        var wrong = await cli.RunAsync("berth login -u alice --password-stdin " + registry.Address, "nope\n");
        Assert.NotEqual(0, wrong.ExitCode);
        Assert.Contains("unauthorized", wrong.Stderr);

        var login = await cli.RunAsync("berth login -u alice --password-stdin " + registry.Address, "s3cret\n");
        Assert.Equal("Login Succeeded\n", login.EnsureSuccess().Stdout);
        Assert.Contains(registry.Address, await File.ReadAllTextAsync(Path.Combine(home.Path, ".berth", "config.json")));
        (await cli.RunAsync("berth", ["push", name])).EnsureSuccess();
        (await cli.RunAsync("berth", ["rmi", name])).EnsureSuccess();
        (await cli.RunAsync("berth", ["pull", name])).EnsureSuccess();

        Assert.Contains("Removing login credentials", (await cli.RunAsync("berth", ["logout", registry.Address])).EnsureSuccess().Stdout);
        (await cli.RunAsync("berth", ["rmi", name])).EnsureSuccess();
        Assert.Contains("unauthorized", (await cli.RunAsync("berth", ["pull", name])).Stderr);
    }

    [Fact]
    public async Task DockerCliPushesAndPullsThroughBerthd()
    {
        await using var registry = await DockerRegistryProcess.StartAsync();
        var name = $"{registry.Address}/docker/busybox:2";
        (await engine.Docker("tag", "busybox", name)).EnsureSuccess();

        var push = (await engine.Docker("push", name)).EnsureSuccess();
        Assert.Matches(@"2: digest: sha256:[0-9a-f]{64} size: \d+", push.Stdout);
        (await engine.Docker("rmi", name)).EnsureSuccess();
        var pull = (await engine.Docker("pull", name)).EnsureSuccess();
        Assert.Contains($"Status: Downloaded newer image for {name}", pull.Stdout);
        Assert.Equal("docker-pulled\n", (await engine.Docker("run", "--rm", name, "sh", "-c", "echo docker-pulled")).EnsureSuccess().Stdout);

        var search = (await engine.Docker("search", $"{registry.Address}/busy")).EnsureSuccess();
        Assert.Contains($"{registry.Address}/docker/busybox", search.Stdout);
    }

    [Fact]
    public async Task DockerCliLogsInThroughBerthdAndPushesWithTheStoredCredentials()
    {
        await using var registry = await DockerRegistryProcess.StartAsync("bob", "hunter2");
        using var home = new TempDir("dhome-");
        var cli = engine.Cli.With("HOME", home.Path).With("DOCKER_CONFIG", home.Combine(".docker"));
        var name = $"{registry.Address}/dock/busybox:3";
        (await cli.RunAsync("docker", ["tag", "busybox", name])).EnsureSuccess();

        var wrong = await cli.RunAsync("docker login -u bob --password-stdin " + registry.Address, "nope\n");
        Assert.NotEqual(0, wrong.ExitCode);
        Assert.Contains("unauthorized", wrong.Stderr);
        Assert.Contains("Login Succeeded", (await cli.RunAsync("docker login -u bob --password-stdin " + registry.Address, "hunter2\n")).EnsureSuccess().Stdout);

        (await cli.RunAsync("docker", ["push", name])).EnsureSuccess();
        (await cli.RunAsync("docker", ["rmi", name])).EnsureSuccess();
        (await cli.RunAsync("docker", ["pull", name])).EnsureSuccess();
        // berth reads docker's config.json too.
        (await cli.RunAsync("berth", ["rmi", name])).EnsureSuccess();
        (await cli.RunAsync("berth", ["pull", name])).EnsureSuccess();
    }

    [Fact]
    public async Task AnImageSkopeoCopiedIntoTheRegistryPullsAndRuns()
    {
        await using var registry = await DockerRegistryProcess.StartAsync();
        using var dir = new TempDir("oci-");
        var layout = WriteOciLayout(dir.CreateDirectory("layout"));
        var name = $"{registry.Address}/skopeo/app:1";
        (await engine.Cli.RunAsync("skopeo", ["copy", "--dest-tls-verify=false", $"oci:{layout}:1", $"docker://{name}"])).EnsureSuccess();

        (await engine.Berth("pull", name)).EnsureSuccess();

        var run = (await engine.Berth("run", "--rm", name, "sh", "-c", "cat /etc/greeting")).EnsureSuccess();
        Assert.Equal("from skopeo\n", run.Stdout);
        (await engine.Berth("rmi", name)).EnsureSuccess();
    }

    /// <summary>An OCI layout with two gzip layers (busybox, then a file) tagged <c>1</c>.</summary>
    private static string WriteOciLayout(string root)
    {
        Directory.CreateDirectory(Path.Combine(root, "blobs", "sha256"));
        string Blob(byte[] data)
        {
            var hex = Convert.ToHexStringLower(SHA256.HashData(data));
            File.WriteAllBytes(Path.Combine(root, "blobs", "sha256", hex), data);
            return "sha256:" + hex;
        }
        static byte[] Gzip(byte[] data)
        {
            using var output = new MemoryStream();
            using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(data);
            return output.ToArray();
        }
        using var busybox = new MemoryStream();
        BusyboxRootfs.WriteTar(busybox);
        var tars = new[] { busybox.ToArray(), new TarBuilder().Directory("etc/").File("etc/greeting", "from skopeo\n").ToArray() };
        var layers = new List<string>();
        var diffIds = new List<string>();
        foreach (var tar in tars)
        {
            var gz = Gzip(tar);
            diffIds.Add("\"sha256:" + Convert.ToHexStringLower(SHA256.HashData(tar)) + "\"");
            layers.Add($"{{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"{Blob(gz)}\",\"size\":{gz.Length}}}");
        }
        var config = Encoding.UTF8.GetBytes(
            $"{{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{{\"Cmd\":[\"sh\"]}},\"rootfs\":{{\"type\":\"layers\",\"diff_ids\":[{string.Join(',', diffIds)}]}}}}");
        var manifest = Encoding.UTF8.GetBytes(
            $"{{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":{{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"{Blob(config)}\",\"size\":{config.Length}}},\"layers\":[{string.Join(',', layers)}]}}");
        var manifestDigest = Blob(manifest);
        File.WriteAllText(Path.Combine(root, "index.json"),
            $"{{\"schemaVersion\":2,\"manifests\":[{{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"{manifestDigest}\",\"size\":{manifest.Length},\"annotations\":{{\"org.opencontainers.image.ref.name\":\"1\"}}}}]}}");
        File.WriteAllText(Path.Combine(root, "oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        return root;
    }
}
