using System.Text.Json;
using Berth.Core;
using Berth.Core.Content;
using Berth.Core.Oci;
using Berth.Core.References;
using Berth.Engine.Distribution;

namespace Berth.Engine.Tests.Distribution;

public sealed class AuthAndPushTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly RegistryCredentials Good = new(FakeRegistry.User, FakeRegistry.Password);
    private readonly DistributionFixture _f = new();

    public void Dispose() => _f.Dispose();

    private static ImageReference Ref(string text) => ImageReference.Parse($"{FakeRegistry.Host}/{text}");

    [Fact]
    public void ChallengesParseWithQuotedCommasAndSeveralSchemes()
    {
        var challenges = AuthChallenge.ParseAll(["Bearer realm=\"https://a/token\",service=\"reg\",scope=\"repository:x:pull,push\", Basic realm=\"r\""]);
        Assert.Equal(2, challenges.Count);
        Assert.True(challenges[0].IsBearer);
        Assert.Equal("repository:x:pull,push", challenges[0].Parameter("scope"));
        Assert.Equal("reg", challenges[0].Parameter("service"));
        Assert.True(challenges[1].IsBasic);
        Assert.Equal("r", challenges[1].Parameter("realm"));
    }

    [Fact]
    public async Task ABearerChallengeIsAnsweredWithATokenFetchedWithTheCredentialsAndCachedPerScope()
    {
        _f.PublishImage("private/app", "1", "amd64", DistributionFixture.Layer("a", 1000, gzip: true));
        _f.Registry.Auth = "bearer";

        await _f.Pulls.PullAsync(Ref("private/app:1"), null, Good, _f.Sink, Ct);

        var tokenRequests = _f.Registry.Log.Where(l => l.Contains("auth.test/token", StringComparison.Ordinal)).ToList();
        Assert.Single(tokenRequests);
        Assert.Contains("scope=repository%3Aprivate%2Fapp%3Apull", tokenRequests[0], StringComparison.Ordinal);
        Assert.Contains("Auth:Basic", tokenRequests[0], StringComparison.Ordinal);
        var anonymous = await Assert.ThrowsAsync<RegistryResponseException>(() =>
            _f.Pulls.PullAsync(Ref("private/app:1"), null, null, _f.Sink, Ct));
        Assert.Equal(ErrorKind.Unauthorized, anonymous.Kind);
        Assert.Equal("unauthorized: authentication required", anonymous.Message);
        var wrong = await Assert.ThrowsAsync<RegistryResponseException>(() =>
            _f.Pulls.PullAsync(Ref("private/app:1"), null, Good with { Password = "nope" }, _f.Sink, Ct));
        Assert.Equal(ErrorKind.Unauthorized, wrong.Kind);
        Assert.StartsWith("unauthorized:", wrong.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginChecksBasicCredentials()
    {
        _f.Registry.Auth = "basic";
        var endpoint = new RegistryEndpoint(new Uri($"https://{FakeRegistry.Host}"), false, false);
        await _f.Client.CheckCredentialsAsync(endpoint, Good, Ct);
        var e = await Assert.ThrowsAsync<RegistryResponseException>(() => _f.Client.CheckCredentialsAsync(endpoint, Good with { Password = "x" }, Ct));
        Assert.Equal(ErrorKind.Unauthorized, e.Kind);
        _f.Registry.Auth = "bearer";
        await _f.Client.CheckCredentialsAsync(endpoint, Good, Ct);
        await Assert.ThrowsAsync<RegistryResponseException>(() => _f.Client.CheckCredentialsAsync(endpoint, Good with { Password = "x" }, Ct));
    }

    [Fact]
    public async Task PushPutsBlobsAndTheStoredManifestByteForByteThenSkipsWhatTheRegistryHas()
    {
        var image = await _f.Images.ImportAsync(Images.ImageServiceFixture.BusyboxRootfs(), $"{FakeRegistry.Host}/tools/bb:1.0");
        _f.Registry.Auth = "bearer";

        var results = await _f.Pushes.PushAsync(Ref("tools/bb:1.0"), Good, _f.Sink, Ct);

        var manifestBytes = await _f.Images.Service.Content.ReadBlobAsync(image.ManifestDigest!.Value, Ct);
        Assert.Equal(image.ManifestDigest, results[0].Digest);
        Assert.Equal(manifestBytes, _f.Registry.Manifests["tools/bb:1.0"].Bytes);
        var manifest = JsonSerializer.Deserialize(manifestBytes, OciJsonContext.Default.ImageManifest)!;
        Assert.All(manifest.Layers.Append(manifest.Config), d => Assert.True(_f.Registry.Blobs.ContainsKey(d.Digest)));
        Assert.Equal($"The push refers to repository [{FakeRegistry.Host}/tools/bb]", _f.Progress[0].Status);
        Assert.Contains(_f.Progress, p => p.Status == "Pushed");
        Assert.Equal($"1.0: digest: {image.ManifestDigest} size: {manifestBytes.Length}", _f.Progress[^1].Status);

        _f.Progress.Clear();
        await _f.Pushes.PushAsync(Ref("tools/bb:1.0"), Good, _f.Sink, Ct);
        Assert.Contains(_f.Progress, p => p.Status == "Layer already exists");

        // Another repository of the same registry: the layer is mounted, not uploaded again.
        await _f.Images.Service.TagAsync(image.Id.ToString(), $"{FakeRegistry.Host}/other/bb:2", Ct);
        await _f.Pulls.PullAsync(Ref("tools/bb:1.0"), null, Good, _f.Sink, Ct); // records where the image came from
        _f.Progress.Clear();
        await _f.Pushes.PushAsync(Ref("other/bb:2"), Good, _f.Sink, Ct);
        Assert.Contains(_f.Progress, p => p.Status == "Mounted from tools/bb");
    }

    [Fact]
    public async Task LargeBlobsGoUpInChunks()
    {
        var layer = DistributionFixture.Layer("big", (int)RegistryClient.MonolithicUploadLimit + 1_000_000, gzip: false);
        var digest = await _f.Images.Service.Content.WriteBlobAsync(layer.Blob, Ct);
        var repository = new RegistryRepository(new RegistryEndpoint(new Uri($"https://{FakeRegistry.Host}"), false, false), "chunky", null, Push: true);
        long sent = 0;

        await _f.Client.PutBlobAsync(repository, digest, layer.Blob.Length, ct => _f.Images.Service.Content.OpenReadAsync(digest, ct), null, s => sent = s, Ct);

        Assert.Equal(layer.Blob, _f.Registry.Blobs[digest.ToString()]);
        Assert.Equal(layer.Blob.Length, sent);
        Assert.Contains(_f.Registry.Log, l => l.StartsWith("PUT", StringComparison.Ordinal) && l.Contains("digest=", StringComparison.Ordinal));
    }
}
