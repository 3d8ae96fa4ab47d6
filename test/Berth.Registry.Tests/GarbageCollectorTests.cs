using System.Net;
using Berth.Core;
using Berth.Registry.Gc;

namespace Berth.Registry.Tests;

/// <summary>gc beside a serving registry: referenced and young blobs stay, old unreferenced ones go, dry runs remove nothing.</summary>
public sealed class GarbageCollectorTests
{
    private static async Task<(TestImage Kept, Digest Orphan, TestImage Deleted)> PopulateAsync(TestRegistry registry)
    {
        var kept = await registry.PushImageAsync("app", "v1", seed: "kept");
        var orphan = await registry.PushBlobAsync("app", "nobody references me"u8.ToArray());
        var deleted = await registry.PushImageAsync("app", "v2", seed: "gone");
        using var delete = await registry.Client.DeleteAsync($"/v2/app/manifests/{deleted.Digest}");
        Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
        return (kept, orphan, deleted);
    }

    private static async Task<HashSet<Digest>> BlobsAsync(TestRegistry registry) =>
        (await registry.OpenStore().Content.ListAsync(CancellationToken.None)).Select(b => b.Digest).ToHashSet();

    [Fact]
    public async Task OldUnreferencedBlobsAreRemovedAndReferencedOnesKept()
    {
        await using var registry = await TestRegistry.StartAsync();
        var (kept, orphan, deleted) = await PopulateAsync(registry);
        var later = registry.OpenStore(new ShiftedTime(TimeSpan.FromHours(2)));

        var result = await GarbageCollector.CollectAsync(later, GarbageCollector.DefaultGrace, dryRun: false, CancellationToken.None);

        var removed = result.Removed.Select(r => r.Digest).ToHashSet();
        Assert.Equal(new HashSet<Digest> { orphan, deleted.Digest, deleted.Config, deleted.Layer }, removed);
        var left = await BlobsAsync(registry);
        Assert.Equal(new HashSet<Digest> { kept.Digest, kept.Config, kept.Layer }, left);
        // The server keeps serving what is referenced, and forgets what was collected.
        using (var layer = await registry.Client.GetAsync($"/v2/app/blobs/{kept.Layer}"))
            Assert.Equal(HttpStatusCode.OK, layer.StatusCode);
        await ErrorBody.AssertAsync(await registry.Client.GetAsync($"/v2/app/blobs/{orphan}"), HttpStatusCode.NotFound, "BLOB_UNKNOWN");
        // A collected blob can be pushed again, and a manifest needing it then succeeds.
        await registry.PushImageAsync("app", "v2", seed: "gone");
    }

    [Fact]
    public async Task YoungBlobsAreKept()
    {
        await using var registry = await TestRegistry.StartAsync();
        await PopulateAsync(registry);
        var before = await BlobsAsync(registry);

        var result = await GarbageCollector.CollectAsync(registry.OpenStore(), GarbageCollector.DefaultGrace, dryRun: false, CancellationToken.None);

        Assert.Empty(result.Removed);
        Assert.Equal(4, result.Young);
        Assert.Equal(before, await BlobsAsync(registry));
    }

    [Fact]
    public async Task DryRunRemovesNothing()
    {
        await using var registry = await TestRegistry.StartAsync();
        var (_, orphan, _) = await PopulateAsync(registry);
        var before = await BlobsAsync(registry);

        var result = await GarbageCollector.CollectAsync(registry.OpenStore(new ShiftedTime(TimeSpan.FromHours(2))), GarbageCollector.DefaultGrace, dryRun: true, CancellationToken.None);

        Assert.Contains(result.Removed, r => r.Digest == orphan);
        Assert.Equal(before, await BlobsAsync(registry));
    }

    [Fact]
    public async Task UploadsInFlightSurviveACollection()
    {
        await using var registry = await TestRegistry.StartAsync();
        using var start = await registry.Client.PostAsync("/v2/app/blobs/uploads/", null);
        var location = start.Headers.Location!.ToString();
        using (var patch = await registry.Client.PatchAsync(location, new ByteArrayContent("first half "u8.ToArray())))
            Assert.Equal(HttpStatusCode.Accepted, patch.StatusCode);

        await GarbageCollector.CollectAsync(registry.OpenStore(new ShiftedTime(TimeSpan.FromDays(2))), TimeSpan.Zero, dryRun: false, CancellationToken.None);

        var data = "first half second half"u8.ToArray();
        using var put = await registry.Client.PutAsync($"{location}?digest={Digest.Compute(data)}", new ByteArrayContent("second half"u8.ToArray()));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
    }
}
