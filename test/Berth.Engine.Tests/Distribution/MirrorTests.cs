using Berth.Core.References;
using Berth.Engine.Distribution;
using Berth.Engine.Events;
using Microsoft.Extensions.Logging.Abstractions;

namespace Berth.Engine.Tests.Distribution;

public sealed class MirrorTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly DistributionFixture _f = new();
    private readonly FakeRegistry _mirror = new();

    public void Dispose() => _f.Dispose();

    /// <summary>Sends requests for mirror.test to the mirror and everything else to the registry.</summary>
    private sealed class HostRouter(FakeRegistry registry, FakeRegistry mirror) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            new HttpMessageInvoker(request.RequestUri!.Host == "mirror.test" ? mirror : registry, disposeHandler: false).SendAsync(request, cancellationToken);
    }

    private PullService PullsWithMirror(RegistryClient client)
    {
        var configuration = new RegistryConfiguration
        {
            InsecureHosts = [FakeRegistry.Host],
            Mirrors = new Dictionary<string, IReadOnlyList<Uri>> { [FakeRegistry.Host] = [new Uri("http://mirror.test/")] },
        };
        return new PullService(_f.Images.Service, client, new RegistryEndpoints(configuration, client), NullEventPublisher.Instance,
            TimeProvider.System, NullLogger<PullService>.Instance);
    }

    [Fact]
    public async Task AMirrorThatHasTheImageServesTheWholePull()
    {
        var layer = DistributionFixture.Layer("m", 10_000, gzip: true);
        _f.PublishImage("lib/app", "1", "amd64", layer);
        foreach (var (digest, bytes) in _f.Registry.Blobs) _mirror.AddBlob(bytes);
        foreach (var (key, manifest) in _f.Registry.Manifests.Where(m => m.Key.StartsWith("lib/app:", StringComparison.Ordinal)))
            _mirror.AddManifest("lib/app", key["lib/app:".Length..], manifest.Bytes, manifest.MediaType);
        using var client = new RegistryClient(TimeProvider.System, new HostRouter(_f.Registry, _mirror));

        await PullsWithMirror(client).PullAsync(ImageReference.Parse($"{FakeRegistry.Host}/lib/app:1"), null, null, _f.Sink, Ct);

        Assert.Contains(_mirror.Log, l => l.Contains("/blobs/", StringComparison.Ordinal));
        Assert.DoesNotContain(_f.Registry.Log, l => l.Contains("/v2/lib/app/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMirrorWithoutTheImageFallsBackToTheRegistry()
    {
        _f.PublishImage("lib/other", "2", "amd64", DistributionFixture.Layer("o", 5_000, gzip: true));
        using var client = new RegistryClient(TimeProvider.System, new HostRouter(_f.Registry, _mirror));

        var result = await PullsWithMirror(client).PullAsync(ImageReference.Parse($"{FakeRegistry.Host}/lib/other:2"), null, null, _f.Sink, Ct);

        Assert.Contains(_mirror.Log, l => l.Contains("/v2/lib/other/manifests/2", StringComparison.Ordinal));
        Assert.Contains(_f.Registry.Log, l => l.Contains("/v2/lib/other/manifests/2", StringComparison.Ordinal));
        Assert.False(result.UpToDate);
    }
}
