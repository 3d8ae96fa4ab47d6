using Berth.Core;
using Berth.Core.Content;
using Berth.Testing;

namespace Berth.Core.Tests.Content;

public sealed class FileContentStoreTests : IDisposable
{
    private readonly TestDirectory _dir = new("berth-content");
    private readonly FileContentStore _store;

    public FileContentStoreTests() => _store = new FileContentStore(_dir.Path, TimeProvider.System);

    public void Dispose() => _dir.Dispose();

    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task CommitVerifiesAndPublishesTheBlob()
    {
        var data = "hello blob"u8.ToArray();
        var digest = await _store.WriteBlobAsync(data, Ct);
        Assert.Equal(Digest.Compute(data), digest);
        Assert.Equal(data, await _store.ReadBlobAsync(digest, Ct));
        Assert.Equal(data.Length, (await _store.InfoAsync(digest, Ct)).Size);
        Assert.True(File.Exists(Path.Combine(_dir.Path, "content/blobs/sha256", digest.Encoded)));
        Assert.Contains(await _store.ListAsync(Ct), i => i.Digest == digest);
        Assert.Empty(await _store.ListIngestsAsync(Ct));
        // Writing the same content again is fine.
        Assert.Equal(digest, await _store.WriteBlobAsync(data, Ct));
    }

    [Fact]
    public async Task WrongDigestOrSizeLeavesNothingVisible()
    {
        var wrong = Digest.Compute("something else"u8);
        await using (var w = await _store.OpenWriterAsync("bad", Ct))
        {
            await w.WriteAsync("content"u8.ToArray(), Ct);
            var ex = await Assert.ThrowsAsync<BerthException>(() => w.CommitAsync(7, wrong, Ct));
            Assert.Equal(ErrorKind.InvalidArgument, ex.Kind);
        }
        await using (var w = await _store.OpenWriterAsync("short", Ct))
        {
            await w.WriteAsync("content"u8.ToArray(), Ct);
            await Assert.ThrowsAsync<BerthException>(() => w.CommitAsync(100, null, Ct));
        }
        Assert.Empty(await _store.ListAsync(Ct));
        Assert.Empty(await _store.ListIngestsAsync(Ct));
        var missing = await Assert.ThrowsAsync<BerthException>(() => _store.InfoAsync(Digest.Compute("content"u8), Ct));
        Assert.Equal(ErrorKind.NotFound, missing.Kind);
    }

    [Fact]
    public async Task WritesResumeAtTheirOffset()
    {
        await using (var w = await _store.OpenWriterAsync("resume", Ct))
        {
            await w.WriteAsync("hello "u8.ToArray(), Ct);
        }
        var ingest = Assert.Single(await _store.ListIngestsAsync(Ct));
        Assert.Equal(("resume", 6L), (ingest.Reference, ingest.Offset));
        await using (var w = await _store.OpenWriterAsync("resume", Ct))
        {
            Assert.Equal(6, w.Offset);
            await w.WriteAsync("world"u8.ToArray(), Ct);
            Assert.Equal(Digest.Compute("hello world"u8), await w.CommitAsync(11, Digest.Compute("hello world"u8), Ct));
        }
    }

    [Fact]
    public async Task OneWriterPerReference()
    {
        await using var first = await _store.OpenWriterAsync("busy", Ct);
        var ex = await Assert.ThrowsAsync<BerthException>(() => _store.OpenWriterAsync("busy", Ct));
        Assert.Equal(ErrorKind.Unavailable, ex.Kind);
    }

    [Fact]
    public async Task DeleteAndStaleIngestCleanup()
    {
        var digest = await _store.WriteBlobAsync("x"u8.ToArray(), Ct);
        Assert.True(await _store.DeleteAsync(digest, Ct));
        Assert.False(await _store.DeleteAsync(digest, Ct));
        await using (var w = await _store.OpenWriterAsync("left-by-crash", Ct)) await w.WriteAsync("partial"u8.ToArray(), Ct);
        Directory.CreateDirectory(Path.Combine(_dir.Path, "content/ingest/half-created"));
        Assert.Equal(2, _store.RemoveStaleIngests(DateTimeOffset.MaxValue));
        Assert.Empty(Directory.GetDirectories(Path.Combine(_dir.Path, "content/ingest")));
    }
}
