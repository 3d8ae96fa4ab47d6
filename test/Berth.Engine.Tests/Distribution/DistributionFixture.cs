using System.IO.Compression;
using System.Text.Json;
using Berth.Core;
using Berth.Core.Oci;
using Berth.Engine.Distribution;
using Berth.Engine.Events;
using Berth.Engine.Images;
using Berth.Engine.Tests.Images;
using Berth.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Berth.Engine.Tests.Distribution;

/// <summary>A fake registry, an image service on a temp data root, and pull/push services between them.</summary>
internal sealed class DistributionFixture : IDisposable
{
    public ImageServiceFixture Images { get; } = new();
    public FakeRegistry Registry { get; } = new();
    public List<TransferProgress> Progress { get; } = [];
    public RegistryClient Client { get; }

    public DistributionFixture() => Client = new RegistryClient(TimeProvider.System, Registry);

    private RegistryEndpoints Endpoints => new(new RegistryConfiguration { InsecureHosts = [FakeRegistry.Host] }, Client);

    public PullService Pulls => new(Images.Service, Client, Endpoints, NullEventPublisher.Instance, TimeProvider.System, NullLogger<PullService>.Instance);

    public PushService Pushes => new(Images.Service, Client, Endpoints, NullEventPublisher.Instance, NullLogger<PushService>.Instance);

    public IProgress<TransferProgress> Sink => new ListProgress(Progress);

    public void Dispose()
    {
        Client.Dispose();
        Images.Dispose();
    }

    /// <summary>A one-file layer of <paramref name="size"/> random bytes: (blob, DiffID).</summary>
    public static (byte[] Blob, Digest DiffId) Layer(string name, int size, bool gzip)
    {
        var data = new byte[size];
        new Random(size).NextBytes(data);
        var tar = new TarBuilder().File(name, data).ToArray();
        if (!gzip) return (tar, Digest.Compute(tar));
        using var output = new MemoryStream();
        using (var z = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true)) z.Write(tar);
        return (output.ToArray(), Digest.Compute(tar));
    }

    /// <summary>Puts config, layers and a manifest into the registry; returns the manifest's bytes.</summary>
    public byte[] PublishImage(string repository, string tag, string architecture, params (byte[] Blob, Digest DiffId)[] layers)
    {
        var config = JsonSerializer.SerializeToUtf8Bytes(new ImageConfig
        {
            Architecture = architecture,
            Os = "linux",
            Config = new ImageExecutionConfig { Cmd = ["sh"] },
            RootFs = new RootFs { DiffIds = layers.Select(l => l.DiffId.ToString()).ToList() },
        }, OciJsonContext.Canonical.ImageConfig);
        Registry.AddBlob(config);
        var manifest = new ImageManifest { MediaType = MediaTypes.OciManifest, Config = new Descriptor(MediaTypes.OciConfig, Digest.Compute(config), config.Length) };
        foreach (var (blob, diffId) in layers)
        {
            Registry.AddBlob(blob);
            manifest.Layers.Add(new Descriptor(blob.Length > 2 && blob[0] == 0x1f && blob[1] == 0x8b ? MediaTypes.OciLayerGzip : MediaTypes.OciLayer,
                Digest.Compute(blob), blob.Length));
        }
        var bytes = JsonSerializer.SerializeToUtf8Bytes(manifest, OciJsonContext.Canonical.ImageManifest);
        Registry.AddManifest(repository, tag, bytes, MediaTypes.OciManifest);
        return bytes;
    }

    private sealed class ListProgress(List<TransferProgress> list) : IProgress<TransferProgress>
    {
        public void Report(TransferProgress value)
        {
            lock (list) list.Add(value);
        }
    }
}
