using System.Net;
using Berth.Core;
using Berth.Registry.Gc;
using Berth.Testing;

namespace Berth.Registry.Tests;

/// <summary>Abandoned uploads expire (by gc and periodically by the server); live ones and young ones stay.</summary>
public sealed class UploadExpiryTests
{
    private static async Task<string> StartUploadAsync(TestRegistry registry, byte[] firstChunk)
    {
        using var start = await registry.Client.PostAsync("/v2/app/blobs/uploads/", null);
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var location = start.Headers.Location!.ToString();
        if (firstChunk.Length > 0)
        {
            using var patch = await registry.Client.PatchAsync(location, new ByteArrayContent(firstChunk));
            Assert.Equal(HttpStatusCode.Accepted, patch.StatusCode);
        }
        return location;
    }

    private static async Task<int> IngestCountAsync(TestRegistry registry) =>
        (await registry.OpenStore().Content.ListIngestsAsync(CancellationToken.None)).Count;

    [Fact]
    public async Task GcRemovesUploadsAbandonedLongerThanTheMaxAge()
    {
        await using var registry = await TestRegistry.StartAsync();
        var abandoned = await StartUploadAsync(registry, "half a blob"u8.ToArray());
        var empty = await StartUploadAsync(registry, []);
        Assert.Equal(1, await IngestCountAsync(registry));

        // Within the max age nothing goes.
        var soon = await GarbageCollector.CollectAsync(registry.OpenStore(new ShiftedTime(TimeSpan.FromHours(2))), GarbageCollector.DefaultGrace,
            dryRun: false, CancellationToken.None, uploadMaxAge: TimeSpan.FromHours(3));
        Assert.Equal(0, soon.ExpiredUploads);
        using (var status = await registry.Client.GetAsync(abandoned))
            Assert.Equal(HttpStatusCode.NoContent, status.StatusCode);

        var later = await GarbageCollector.CollectAsync(registry.OpenStore(new ShiftedTime(TimeSpan.FromHours(4))), GarbageCollector.DefaultGrace,
            dryRun: false, CancellationToken.None, uploadMaxAge: TimeSpan.FromHours(3));

        Assert.Equal(2, later.ExpiredUploads);
        Assert.Equal(0, await IngestCountAsync(registry));
        Assert.Empty(registry.OpenStore().ListUploadMarkers());
        // The server (another store over the same root, its writer still open) now refuses the session.
        var data = "half a blob and the rest"u8.ToArray();
        await ErrorBody.AssertAsync(await registry.Client.PutAsync($"{abandoned}?digest={Digest.Compute(data)}", new ByteArrayContent(" and the rest"u8.ToArray())),
            HttpStatusCode.NotFound, "BLOB_UPLOAD_UNKNOWN");
        await ErrorBody.AssertAsync(await registry.Client.GetAsync(empty), HttpStatusCode.NotFound, "BLOB_UPLOAD_UNKNOWN");
        Assert.Equal(0, await IngestCountAsync(registry));
    }

    [Fact]
    public async Task DryRunExpiresNothing()
    {
        await using var registry = await TestRegistry.StartAsync();
        var location = await StartUploadAsync(registry, "bytes"u8.ToArray());

        var result = await GarbageCollector.CollectAsync(registry.OpenStore(new ShiftedTime(TimeSpan.FromDays(30))), GarbageCollector.DefaultGrace,
            dryRun: true, CancellationToken.None);

        Assert.Equal(0, result.ExpiredUploads);
        using var status = await registry.Client.GetAsync(location);
        Assert.Equal(HttpStatusCode.NoContent, status.StatusCode);
    }

    [Fact]
    public async Task TheServerExpiresAbandonedUploadsPeriodically()
    {
        var time = new AdjustableTime();
        await using var registry = await TestRegistry.StartAsync(root => new RegistryOptions
        {
            Root = root, Time = time, UploadMaxAge = TimeSpan.FromHours(1), UploadPurgeInterval = TimeSpan.FromMilliseconds(50),
        });
        var abandoned = await StartUploadAsync(registry, "forgotten"u8.ToArray());
        var data = "finished in time"u8.ToArray();
        var completed = await registry.PushBlobAsync("app", data);

        time.Advance(TimeSpan.FromHours(2));
        var live = await StartUploadAsync(registry, "started after the jump"u8.ToArray());

        await Poll.UntilAsync(() => !registry.OpenStore().ListUploadMarkers().Any(m => abandoned.EndsWith(m.Id, StringComparison.Ordinal)),
            TimeSpan.FromSeconds(20), "the abandoned upload to expire");
        await ErrorBody.AssertAsync(await registry.Client.GetAsync(abandoned), HttpStatusCode.NotFound, "BLOB_UPLOAD_UNKNOWN");
        // The young upload carries on; the finished blob is untouched.
        using (var status = await registry.Client.GetAsync(live))
            Assert.Equal(HttpStatusCode.NoContent, status.StatusCode);
        using (var blob = await registry.Client.GetAsync($"/v2/app/blobs/{completed}"))
            Assert.Equal(HttpStatusCode.OK, blob.StatusCode);
        Assert.Equal(1, await IngestCountAsync(registry));
    }
}
