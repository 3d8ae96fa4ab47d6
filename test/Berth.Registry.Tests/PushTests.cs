using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Berth.Core;
using Berth.Core.Oci;

namespace Berth.Registry.Tests;

/// <summary>The spec's "Push" area: monolithic (single POST, POST then PUT), chunked, mount, manifests, bad input.</summary>
public sealed class PushTests
{
    private static ByteArrayContent Octets(byte[] data, string? contentRange = null)
    {
        var content = new ByteArrayContent(data);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        if (contentRange is not null) content.Headers.TryAddWithoutValidation("Content-Range", contentRange);
        return content;
    }

    private static async Task<string> StartAsync(TestRegistry registry, string repository)
    {
        using var response = await registry.Client.PostAsync($"/v2/{repository}/blobs/uploads/", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(response.Headers.GetValues("Docker-Upload-UUID").Single()));
        return response.Headers.Location!.ToString();
    }

    [Fact]
    public async Task PostThenPutUploadsMonolithically()
    {
        await using var registry = await TestRegistry.StartAsync();
        var data = RandomNumberGenerator.GetBytes(300_000);
        var digest = Digest.Compute(data);
        var location = await StartAsync(registry, "repo");
        using var put = await registry.Client.PutAsync($"{location}?digest={digest}", Octets(data));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal($"/v2/repo/blobs/{digest}", put.Headers.Location!.ToString());
        Assert.Equal(data, await registry.Client.GetByteArrayAsync($"/v2/repo/blobs/{digest}"));
    }

    [Fact]
    public async Task ChunkedUploadWithStatusAndOutOfOrderChunk()
    {
        await using var registry = await TestRegistry.StartAsync();
        var data = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17);
        var digest = Digest.Compute(data);
        var location = await StartAsync(registry, "chunky");
        var chunk = 1024 * 1024;
        for (var offset = 0; offset < 2 * chunk; offset += chunk)
        {
            using var patch = await registry.Client.PatchAsync(location, Octets(data[offset..(offset + chunk)], $"{offset}-{offset + chunk - 1}"));
            Assert.Equal(HttpStatusCode.Accepted, patch.StatusCode);
            Assert.Equal($"0-{offset + chunk - 1}", patch.Headers.GetValues("Range").Single());
            location = patch.Headers.Location!.ToString();
        }

        // A chunk that does not start where the upload is: 416, and nothing written.
        using (var wrong = await registry.Client.PatchAsync(location, Octets(data[..10], "5-14")))
        {
            Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, wrong.StatusCode);
        }
        using (var status = await registry.Client.GetAsync(location))
        {
            Assert.Equal(HttpStatusCode.NoContent, status.StatusCode);
            Assert.Equal($"0-{2 * chunk - 1}", status.Headers.GetValues("Range").Single());
        }
        // A third chunk without Content-Range (docker's streamed PATCH), the last one in the closing PUT.
        using (var patch = await registry.Client.PatchAsync(location, Octets(data[(2 * chunk)..(3 * chunk)])))
            Assert.Equal(HttpStatusCode.Accepted, patch.StatusCode);
        using var put = await registry.Client.PutAsync($"{location}?digest={digest}", Octets(data[(3 * chunk)..], $"{3 * chunk}-{data.Length - 1}"));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal(data, await registry.Client.GetByteArrayAsync($"/v2/chunky/blobs/{digest}"));
        await ErrorBody.AssertAsync(await registry.Client.GetAsync(location), HttpStatusCode.NotFound, "BLOB_UPLOAD_UNKNOWN");
    }

    [Fact]
    public async Task WrongDigestIsRefusedAndNothingIsStored()
    {
        await using var registry = await TestRegistry.StartAsync();
        var data = Encoding.ASCII.GetBytes("the real content");
        var claimed = Digest.Compute("something else"u8);
        await ErrorBody.AssertAsync(await registry.Client.PostAsync($"/v2/repo/blobs/uploads/?digest={claimed}", Octets(data)), HttpStatusCode.BadRequest, "DIGEST_INVALID");

        var location = await StartAsync(registry, "repo");
        await ErrorBody.AssertAsync(await registry.Client.PutAsync($"{location}?digest={claimed}", Octets(data)), HttpStatusCode.BadRequest, "DIGEST_INVALID");
        await ErrorBody.AssertAsync(await registry.Client.PutAsync($"{location}?digest=sha256:123", Octets(data)), HttpStatusCode.BadRequest, "DIGEST_INVALID");

        var store = registry.OpenStore();
        Assert.Empty(await store.Content.ListAsync(CancellationToken.None));
        Assert.Empty(await store.Content.ListIngestsAsync(CancellationToken.None));
        using var head = await registry.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/v2/repo/blobs/{Digest.Compute(data)}"));
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
    }

    [Fact]
    public async Task CancelledUploadIsGone()
    {
        await using var registry = await TestRegistry.StartAsync();
        var location = await StartAsync(registry, "repo");
        using (var patch = await registry.Client.PatchAsync(location, Octets("partial"u8.ToArray(), "0-6")))
            Assert.Equal(HttpStatusCode.Accepted, patch.StatusCode);
        using (var delete = await registry.Client.DeleteAsync(location))
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        await ErrorBody.AssertAsync(await registry.Client.GetAsync(location), HttpStatusCode.NotFound, "BLOB_UPLOAD_UNKNOWN");
        Assert.Empty(await registry.OpenStore().Content.ListIngestsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task MountLinksAnExistingBlobOrFallsBackToAnUpload()
    {
        await using var registry = await TestRegistry.StartAsync();
        var digest = await registry.PushBlobAsync("source/app", "shared layer"u8.ToArray());
        using (var mount = await registry.Client.PostAsync($"/v2/target/app/blobs/uploads/?mount={digest}&from=source/app", null))
        {
            Assert.Equal(HttpStatusCode.Created, mount.StatusCode);
            Assert.Equal($"/v2/target/app/blobs/{digest}", mount.Headers.Location!.ToString());
        }
        Assert.Equal("shared layer", await registry.Client.GetStringAsync($"/v2/target/app/blobs/{digest}"));

        var unknown = Digest.Compute("not here"u8);
        using var fallback = await registry.Client.PostAsync($"/v2/target/app/blobs/uploads/?mount={unknown}&from=source/app", null);
        Assert.Equal(HttpStatusCode.Accepted, fallback.StatusCode);
        Assert.NotNull(fallback.Headers.Location);
    }

    [Fact]
    public async Task ManifestNeedsItsBlobsAndAMatchingDigest()
    {
        await using var registry = await TestRegistry.StartAsync();
        var config = await registry.PushBlobAsync("repo", "{}"u8.ToArray());
        var missingLayer = Digest.Compute("never pushed"u8);
        var manifest = TestRegistry.Manifest(config, 2, missingLayer, 12);
        using (var put = await registry.PutManifestAsync("repo", "v1", manifest, MediaTypes.OciManifest))
        {
            await ErrorBody.AssertAsync(put, HttpStatusCode.BadRequest, "MANIFEST_BLOB_UNKNOWN");
        }
        await ErrorBody.AssertAsync(await registry.Client.GetAsync("/v2/repo/manifests/v1"), HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");

        var image = await registry.PushImageAsync("repo", "v2");
        using (var byWrongDigest = await registry.PutManifestAsync("repo", Digest.Compute("x"u8).ToString(), image.Manifest, MediaTypes.OciManifest))
            await ErrorBody.AssertAsync(byWrongDigest, HttpStatusCode.BadRequest, "DIGEST_INVALID");
        using (var byDigest = await registry.PutManifestAsync("repo", image.Digest.ToString(), image.Manifest, MediaTypes.OciManifest))
        {
            Assert.Equal(HttpStatusCode.Created, byDigest.StatusCode);
            Assert.Equal(image.Digest.ToString(), byDigest.Headers.GetValues("Docker-Content-Digest").Single());
        }
        using (var mismatch = await registry.PutManifestAsync("repo", "v3", image.Manifest, MediaTypes.DockerManifest))
            await ErrorBody.AssertAsync(mismatch, HttpStatusCode.BadRequest, "MANIFEST_INVALID");
        using (var garbage = await registry.PutManifestAsync("repo", "v3", "not json"u8.ToArray(), MediaTypes.OciManifest))
            await ErrorBody.AssertAsync(garbage, HttpStatusCode.BadRequest, "MANIFEST_INVALID");
        using (var badName = await registry.PutManifestAsync("UPPER/case", "v1", image.Manifest, MediaTypes.OciManifest))
            await ErrorBody.AssertAsync(badName, HttpStatusCode.BadRequest, "NAME_INVALID");

        var index = Encoding.UTF8.GetBytes($"{{\"schemaVersion\":2,\"mediaType\":\"{MediaTypes.OciIndex}\",\"manifests\":[{{\"mediaType\":\"{MediaTypes.OciManifest}\",\"digest\":\"{missingLayer}\",\"size\":3}}]}}");
        using (var badIndex = await registry.PutManifestAsync("repo", "idx", index, MediaTypes.OciIndex))
            await ErrorBody.AssertAsync(badIndex, HttpStatusCode.BadRequest, "MANIFEST_BLOB_UNKNOWN");
    }

    [Fact]
    public async Task ManifestPushByDigestWithTagQueryParameters()
    {
        await using var registry = await TestRegistry.StartAsync();
        var image = await registry.PushImageAsync("repo", "first");
        using var content = new ByteArrayContent(image.Manifest);
        content.Headers.ContentType = new MediaTypeHeaderValue(MediaTypes.OciManifest);
        using var put = await registry.Client.PutAsync($"/v2/repo/manifests/{image.Digest}?tag=1.0&tag=latest", content);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal("1.0, latest", string.Join(", ", put.Headers.GetValues("OCI-Tag")));
        Assert.Equal(image.Manifest, await registry.Client.GetByteArrayAsync("/v2/repo/manifests/latest"));
    }

    [Fact]
    public async Task ConcurrentUploadsOfOneBlobAllSucceed()
    {
        await using var registry = await TestRegistry.StartAsync();
        var data = RandomNumberGenerator.GetBytes(2 * 1024 * 1024);
        var digests = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => registry.PushBlobAsync($"repo{i}", data)));
        Assert.Single(digests.Distinct());
        Assert.Single(await registry.OpenStore().Content.ListAsync(CancellationToken.None));
        Assert.Empty(await registry.OpenStore().Content.ListIngestsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task LargeBlobStreamsThroughChunkedUpload()
    {
        await using var registry = await TestRegistry.StartAsync();
        var data = new byte[64 * 1024 * 1024];
        Random.Shared.NextBytes(data);
        var digest = Digest.Compute(data);
        var location = await StartAsync(registry, "big");
        using (var patch = await registry.Client.PatchAsync(location, Octets(data)))
            Assert.Equal(HttpStatusCode.Accepted, patch.StatusCode);
        using (var put = await registry.Client.PutAsync($"{location}?digest={digest}", null))
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        using var get = await registry.Client.GetAsync($"/v2/big/blobs/{digest}", HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await get.Content.ReadAsStreamAsync();
        Assert.Equal(digest, await Digest.ComputeAsync(stream, CancellationToken.None));
    }
}
