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
}
