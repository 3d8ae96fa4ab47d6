using System.Net;
using Berth.Core.Oci;

namespace Berth.Registry.Tests;

/// <summary>The spec's "Content management" area: deleting tags, manifests and blobs.</summary>
public sealed class ManagementTests
{
    [Fact]
    public async Task DeletingATagLeavesTheManifest()
    {
        await using var registry = await TestRegistry.StartAsync();
        var image = await registry.PushImageAsync("repo", "v1");
        using (var put = await registry.PutManifestAsync("repo", "v2", image.Manifest, MediaTypes.OciManifest))
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        using (var delete = await registry.Client.DeleteAsync("/v2/repo/manifests/v1"))
            Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
        await ErrorBody.AssertAsync(await registry.Client.GetAsync("/v2/repo/manifests/v1"), HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");
        using var byDigest = await registry.Client.GetAsync($"/v2/repo/manifests/{image.Digest}");
        Assert.Equal(HttpStatusCode.OK, byDigest.StatusCode);
        await ErrorBody.AssertAsync(await registry.Client.DeleteAsync("/v2/repo/manifests/v1"), HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");
    }

    [Fact]
    public async Task DeletingAManifestRemovesItAndItsTags()
    {
        await using var registry = await TestRegistry.StartAsync();
        var image = await registry.PushImageAsync("repo", "v1");
        using (var delete = await registry.Client.DeleteAsync($"/v2/repo/manifests/{image.Digest}"))
            Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
        await ErrorBody.AssertAsync(await registry.Client.GetAsync($"/v2/repo/manifests/{image.Digest}"), HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");
        await ErrorBody.AssertAsync(await registry.Client.GetAsync("/v2/repo/manifests/v1"), HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");
        await ErrorBody.AssertAsync(await registry.Client.DeleteAsync($"/v2/repo/manifests/{image.Digest}"), HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");
        await ErrorBody.AssertAsync(await registry.Client.DeleteAsync($"/v2/nothere/manifests/{image.Digest}"), HttpStatusCode.NotFound, "NAME_UNKNOWN");
    }

    [Fact]
    public async Task DeletingABlobUnlinksIt()
    {
        await using var registry = await TestRegistry.StartAsync();
        var digest = await registry.PushBlobAsync("repo", "bytes"u8.ToArray());
        using (var delete = await registry.Client.DeleteAsync($"/v2/repo/blobs/{digest}"))
            Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
        await ErrorBody.AssertAsync(await registry.Client.GetAsync($"/v2/repo/blobs/{digest}"), HttpStatusCode.NotFound, "BLOB_UNKNOWN");
        await ErrorBody.AssertAsync(await registry.Client.DeleteAsync($"/v2/repo/blobs/{digest}"), HttpStatusCode.NotFound, "BLOB_UNKNOWN");
    }
}
