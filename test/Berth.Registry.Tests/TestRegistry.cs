using System.Net.Http.Headers;
using System.Text;
using Berth.Core;
using Berth.Core.Oci;
using Berth.Registry.Storage;
using Berth.Testing;
using Microsoft.AspNetCore.Builder;

namespace Berth.Registry.Tests;

/// <summary>An in-process registry on a free loopback port with its own root, and an HttpClient aimed at it.</summary>
public sealed class TestRegistry : IAsyncDisposable
{
    private readonly TempDir _root;
    private readonly RegistryOptions _options;
    private WebApplication _app;

    private TestRegistry(TempDir root, RegistryOptions options, WebApplication app)
    {
        _root = root;
        _options = options;
        _app = app;
        Address = RegistryApplication.BoundAddress(app);
        Client = new HttpClient { BaseAddress = new Uri(Address) };
    }

    public string Address { get; private set; }

    public HttpClient Client { get; private set; }

    /// <summary>Stops the server and starts a new one on the same root (a restart; the port changes).</summary>
    public async Task RestartAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = RegistryApplication.Create(_options, "127.0.0.1:0");
        await _app.StartAsync();
        Address = RegistryApplication.BoundAddress(_app);
        Client = new HttpClient { BaseAddress = new Uri(Address) };
    }

    public string Root => _root.Path;

    public static async Task<TestRegistry> StartAsync(Func<string, RegistryOptions>? configure = null)
    {
        var root = new TempDir("berth-reg-");
        try
        {
            var options = configure?.Invoke(root.Path) ?? new RegistryOptions { Root = root.Path };
            var app = RegistryApplication.Create(options, "127.0.0.1:0");
            await app.StartAsync();
            return new TestRegistry(root, options, app);
        }
        catch
        {
            root.Dispose();
            throw;
        }
    }

    /// <summary>A store over the same root (what gc opens beside a running server).</summary>
    public RegistryStore OpenStore(TimeProvider? time = null) => new(Root, time ?? TimeProvider.System);

    /// <summary>Monolithic upload (<c>POST ?digest=</c>); returns the digest.</summary>
    public async Task<Digest> PushBlobAsync(string repository, byte[] data)
    {
        var digest = Digest.Compute(data);
        using var content = new ByteArrayContent(data);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await Client.PostAsync($"/v2/{repository}/blobs/uploads/?digest={digest}", content);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return digest;
    }

    public async Task<HttpResponseMessage> PutManifestAsync(string repository, string reference, byte[] manifest, string mediaType)
    {
        using var content = new ByteArrayContent(manifest);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return await Client.PutAsync($"/v2/{repository}/manifests/{reference}", content);
    }

    /// <summary>Pushes a config and a layer and a manifest that names them, tagged <paramref name="tag"/>.</summary>
    public async Task<TestImage> PushImageAsync(string repository, string tag, string seed = "a", string? subject = null, string? artifactType = null)
    {
        var config = Encoding.UTF8.GetBytes($"{{\"architecture\":\"amd64\",\"os\":\"linux\",\"seed\":\"{seed}\"}}");
        var layer = Encoding.UTF8.GetBytes("layer bytes " + seed);
        var configDigest = await PushBlobAsync(repository, config);
        var layerDigest = await PushBlobAsync(repository, layer);
        var manifest = Manifest(configDigest, config.Length, layerDigest, layer.Length, subject, artifactType);
        using var response = await PutManifestAsync(repository, tag, manifest, MediaTypes.OciManifest);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return new TestImage(Digest.Compute(manifest), manifest, configDigest, layerDigest);
    }

    /// <summary>An OCI manifest, deliberately not in canonical form (extra spaces) to prove byte-exact storage.</summary>
    public static byte[] Manifest(Digest config, long configSize, Digest layer, long layerSize, string? subject = null, string? artifactType = null)
    {
        var subjectJson = subject is null ? "" : $",\"subject\":{{\"mediaType\":\"{MediaTypes.OciManifest}\",\"digest\":\"{subject}\",\"size\":2}}";
        var artifactJson = artifactType is null ? "" : $",\"artifactType\":\"{artifactType}\"";
        return Encoding.UTF8.GetBytes(
            $"{{ \"schemaVersion\": 2, \"mediaType\": \"{MediaTypes.OciManifest}\"{artifactJson},\n  \"config\": {{\"mediaType\":\"{MediaTypes.OciConfig}\",\"digest\":\"{config}\",\"size\":{configSize}}},\n" +
            $"  \"layers\": [{{\"mediaType\":\"{MediaTypes.OciLayer}\",\"digest\":\"{layer}\",\"size\":{layerSize}}}]{subjectJson},\"annotations\":{{\"t\":\"{layer.Short}\"}} }}");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _root.Dispose();
    }
}
