namespace Berth.Cli.Tests.Commands;

/// <summary><c>berth registry serve|gc</c> exec berth-registry with the flags the user gave, nothing more.</summary>
public sealed class RegistryCommandTests : IDisposable
{
    private readonly string _binary = Path.GetTempFileName();

    public void Dispose() => File.Delete(_binary);

    private async Task<(string Path, IReadOnlyList<string> Args, int Exit, string Error)> RunAsync(Dictionary<string, string> environment, params string[] args)
    {
        string? path = null;
        IReadOnlyList<string>? passed = null;
        var error = new StringWriter();
        var context = CliTestContext.Create(environment: environment, error: error, exec: (p, a) =>
        {
            path = p;
            passed = a;
            return 2; // ENOENT: exec "failed", so the command returns
        });
        var exit = await BerthCommandLine.RunAsync(args, context, CancellationToken.None);
        return (path ?? "", passed ?? [], exit, error.ToString());
    }

    [Fact]
    public async Task ServePassesItsFlagsThrough()
    {
        var (path, args, _, _) = await RunAsync(new() { ["BERTH_REGISTRY"] = _binary },
            "registry", "serve", "--addr", "127.0.0.1:5001", "--root", "/srv/reg", "--htpasswd", "/etc/htpasswd", "--auth", "token");
        Assert.Equal(_binary, path);
        Assert.Equal(["serve", "--addr", "127.0.0.1:5001", "--root", "/srv/reg", "--htpasswd", "/etc/htpasswd", "--auth", "token"], args);
    }

    [Fact]
    public async Task GcPassesItsFlagsThrough()
    {
        var (_, args, _, _) = await RunAsync(new() { ["BERTH_REGISTRY"] = _binary }, "registry", "gc", "--root", "/srv/reg", "--dry-run");
        Assert.Equal(["gc", "--root", "/srv/reg", "--dry-run"], args);
    }

    [Fact]
    public async Task MissingBinaryIsReported()
    {
        var (path, _, exit, error) = await RunAsync(new() { ["BERTH_REGISTRY"] = "/nonexistent/berth-registry", ["PATH"] = "" }, "registry", "gc");
        Assert.Equal("", path);
        Assert.Equal(1, exit);
        Assert.Contains("berth-registry not found", error, StringComparison.Ordinal);
    }
}
