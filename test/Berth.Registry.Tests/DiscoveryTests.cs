using System.Net;
using System.Text.Json;
using Berth.Core;
using Berth.Core.Oci;

namespace Berth.Registry.Tests;

/// <summary>The spec's "Content discovery" area: tags/list and _catalog with n/last and Link, referrers.</summary>
public sealed class DiscoveryTests
{
    private static async Task<List<string>> ListAsync(HttpResponseMessage response, string property)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty(property).EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    [Fact]
    public async Task TagsListPaginatesWithLinkHeaders()
    {
        await using var registry = await TestRegistry.StartAsync();
        var image = await registry.PushImageAsync("repo", "b");
        foreach (var tag in new[] { "a", "C", "d" })
        {
            using var put = await registry.PutManifestAsync("repo", tag, image.Manifest, MediaTypes.OciManifest);
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }
        Assert.Equal(["C", "a", "b", "d"], await ListAsync(await registry.Client.GetAsync("/v2/repo/tags/list"), "tags"));

        using var first = await registry.Client.GetAsync("/v2/repo/tags/list?n=2");
        Assert.Equal(["C", "a"], await ListAsync(first, "tags"));
        var link = first.Headers.GetValues("Link").Single();
        Assert.Equal("</v2/repo/tags/list?n=2&last=a>; rel=\"next\"", link);
        using var second = await registry.Client.GetAsync(link[1..link.IndexOf('>', StringComparison.Ordinal)]);
        Assert.Equal(["b", "d"], await ListAsync(second, "tags"));
        Assert.False(second.Headers.Contains("Link"));

        using var zero = await registry.Client.GetAsync("/v2/repo/tags/list?n=0");
        Assert.Empty(await ListAsync(zero, "tags"));
        Assert.False(zero.Headers.Contains("Link"));
        Assert.Equal(["d"], await ListAsync(await registry.Client.GetAsync("/v2/repo/tags/list?last=b"), "tags"));
    }

    [Fact]
    public async Task CatalogListsNestedRepositoriesWithPagination()
    {
        await using var registry = await TestRegistry.StartAsync();
        foreach (var name in new[] { "tools/busybox", "alpine", "tools/busybox/extra", "zeta" })
            await registry.PushImageAsync(name, "latest");
        Assert.Equal(["alpine", "tools/busybox", "tools/busybox/extra", "zeta"], await ListAsync(await registry.Client.GetAsync("/v2/_catalog"), "repositories"));
        using var page = await registry.Client.GetAsync("/v2/_catalog?n=3");
        Assert.Equal(["alpine", "tools/busybox", "tools/busybox/extra"], await ListAsync(page, "repositories"));
        Assert.Contains("last=tools%2Fbusybox%2Fextra", page.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
        Assert.Equal(["zeta"], await ListAsync(await registry.Client.GetAsync("/v2/_catalog?n=3&last=tools/busybox/extra"), "repositories"));
    }

    [Fact]
    public async Task ReferrersListManifestsWithASubjectAndFilterByArtifactType()
    {
        await using var registry = await TestRegistry.StartAsync();
        var subject = await registry.PushImageAsync("app", "v1");
        var sbom = await registry.PushImageAsync("app", "sbom", seed: "s", subject: subject.Digest.ToString(), artifactType: "application/vnd.example.sbom");
        var signature = await registry.PushImageAsync("app", "sig", seed: "g", subject: subject.Digest.ToString());

        // The push answered OCI-Subject.
        using (var put = await registry.PutManifestAsync("app", "sbom", sbom.Manifest, MediaTypes.OciManifest))
            Assert.Equal(subject.Digest.ToString(), put.Headers.GetValues("OCI-Subject").Single());

        using var all = await registry.Client.GetAsync($"/v2/app/referrers/{subject.Digest}");
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal(MediaTypes.OciIndex, all.Content.Headers.ContentType!.MediaType);
        var index = JsonSerializer.Deserialize(await all.Content.ReadAsStringAsync(), OciJsonContext.Default.ImageIndex)!;
        Assert.Equal(2, index.Manifests.Count);
        var sbomEntry = index.Manifests.Single(m => m.Digest == sbom.Digest.ToString());
        Assert.Equal("application/vnd.example.sbom", sbomEntry.ArtifactType);
        Assert.Equal(sbom.Manifest.Length, sbomEntry.Size);
        Assert.NotNull(sbomEntry.Annotations);
        // Without artifactType, the config's media type stands in.
        Assert.Equal(MediaTypes.OciConfig, index.Manifests.Single(m => m.Digest == signature.Digest.ToString()).ArtifactType);

        using var filtered = await registry.Client.GetAsync($"/v2/app/referrers/{subject.Digest}?artifactType=application/vnd.example.sbom");
        Assert.Equal("artifactType", filtered.Headers.GetValues("OCI-Filters-Applied").Single());
        Assert.Equal([sbom.Digest.ToString()], JsonSerializer.Deserialize(await filtered.Content.ReadAsStringAsync(), OciJsonContext.Default.ImageIndex)!.Manifests.Select(m => m.Digest));

        using var none = await registry.Client.GetAsync($"/v2/app/referrers/{Digest.Compute("nothing"u8)}");
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Empty(JsonSerializer.Deserialize(await none.Content.ReadAsStringAsync(), OciJsonContext.Default.ImageIndex)!.Manifests);
        await ErrorBody.AssertAsync(await registry.Client.GetAsync("/v2/app/referrers/sha256:nope"), HttpStatusCode.BadRequest, "DIGEST_INVALID");

        // Deleting a referrer takes it out of the list.
        using (var delete = await registry.Client.DeleteAsync($"/v2/app/manifests/{sbom.Digest}"))
            Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
        using var after = await registry.Client.GetAsync($"/v2/app/referrers/{subject.Digest}");
        Assert.Single(JsonSerializer.Deserialize(await after.Content.ReadAsStringAsync(), OciJsonContext.Default.ImageIndex)!.Manifests);
    }
}
