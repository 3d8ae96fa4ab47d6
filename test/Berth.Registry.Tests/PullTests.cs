using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Berth.Core;
using Berth.Core.Oci;

namespace Berth.Registry.Tests;

/// <summary>The spec's "Pull" area: /v2/, manifests by tag and digest, blobs with Range, HEAD, negotiation.</summary>
public sealed class PullTests
{
    [Fact]
    public async Task BaseEndpointAnswersWithTheApiVersionHeader()
    {
        await using var registry = await TestRegistry.StartAsync();
        using var response = await registry.Client.GetAsync("/v2/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("registry/2.0", response.Headers.GetValues("Docker-Distribution-API-Version").Single());
    }

    [Fact]
    public async Task ManifestIsServedByteExactByTagAndDigestWithItsMediaType()
    {
        await using var registry = await TestRegistry.StartAsync();
        var image = await registry.PushImageAsync("tools/busybox", "1.0");
        foreach (var reference in new[] { "1.0", image.Digest.ToString() })
        {
            using var response = await registry.Client.GetAsync($"/v2/tools/busybox/manifests/{reference}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(image.Manifest, await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(MediaTypes.OciManifest, response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(image.Digest.ToString(), response.Headers.GetValues("Docker-Content-Digest").Single());
        }
        using var head = new HttpRequestMessage(HttpMethod.Head, "/v2/tools/busybox/manifests/1.0");
        using var headResponse = await registry.Client.SendAsync(head);
        Assert.Equal(HttpStatusCode.OK, headResponse.StatusCode);
        Assert.Equal(image.Manifest.Length, headResponse.Content.Headers.ContentLength);
        Assert.Equal(image.Digest.ToString(), headResponse.Headers.GetValues("Docker-Content-Digest").Single());
    }

    [Fact]
    public async Task BlobGetHeadAndRange()
    {
        await using var registry = await TestRegistry.StartAsync();
        var data = Encoding.ASCII.GetBytes("0123456789abcdef");
        var digest = await registry.PushBlobAsync("repo", data);

        using var get = await registry.Client.GetAsync($"/v2/repo/blobs/{digest}");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(data, await get.Content.ReadAsByteArrayAsync());
        Assert.Equal(digest.ToString(), get.Headers.GetValues("Docker-Content-Digest").Single());

        using var head = await registry.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/v2/repo/blobs/{digest}"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(16, head.Content.Headers.ContentLength);

        using var rangeRequest = new HttpRequestMessage(HttpMethod.Get, $"/v2/repo/blobs/{digest}");
        rangeRequest.Headers.Range = new RangeHeaderValue(4, 9);
        using var partial = await registry.Client.SendAsync(rangeRequest);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal("456789", await partial.Content.ReadAsStringAsync());
        Assert.Equal("bytes 4-9/16", partial.Content.Headers.ContentRange!.ToString());

        using var tailRequest = new HttpRequestMessage(HttpMethod.Get, $"/v2/repo/blobs/{digest}");
        tailRequest.Headers.Range = new RangeHeaderValue(10, null);
        using var tail = await registry.Client.SendAsync(tailRequest);
        Assert.Equal("abcdef", await tail.Content.ReadAsStringAsync());

        using var outside = new HttpRequestMessage(HttpMethod.Get, $"/v2/repo/blobs/{digest}");
        outside.Headers.Range = new RangeHeaderValue(100, null);
        using var unsatisfiable = await registry.Client.SendAsync(outside);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, unsatisfiable.StatusCode);
    }

    [Fact]
    public async Task MissingContentAnswers404WithSpecCodes()
    {
        await using var registry = await TestRegistry.StartAsync();
        await registry.PushImageAsync("repo", "latest");
        var absent = Digest.Compute("absent"u8);
        await ErrorBody.AssertAsync(await registry.Client.GetAsync("/v2/repo/manifests/nope"), HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");
        await ErrorBody.AssertAsync(await registry.Client.GetAsync($"/v2/repo/manifests/{absent}"), HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");
        await ErrorBody.AssertAsync(await registry.Client.GetAsync($"/v2/repo/blobs/{absent}"), HttpStatusCode.NotFound, "BLOB_UNKNOWN");
        await ErrorBody.AssertAsync(await registry.Client.GetAsync("/v2/other/manifests/latest"), HttpStatusCode.NotFound, "NAME_UNKNOWN");
        await ErrorBody.AssertAsync(await registry.Client.GetAsync("/v2/other/tags/list"), HttpStatusCode.NotFound, "NAME_UNKNOWN");
        await ErrorBody.AssertAsync(await registry.Client.GetAsync("/v2/repo/blobs/sha256:zz"), HttpStatusCode.BadRequest, "DIGEST_INVALID");
        await ErrorBody.AssertAsync(await registry.Client.GetAsync("/v2/Bad_Name/tags/list"), HttpStatusCode.BadRequest, "NAME_INVALID");
        // A blob of another repository is not visible here.
        var other = await registry.PushBlobAsync("elsewhere", "secret"u8.ToArray());
        await ErrorBody.AssertAsync(await registry.Client.GetAsync($"/v2/repo/blobs/{other}"), HttpStatusCode.NotFound, "BLOB_UNKNOWN");
    }

    [Fact]
    public async Task IndexIsNegotiatedByAcceptAndFallsBackToTheLinuxAmd64Image()
    {
        await using var registry = await TestRegistry.StartAsync();
        var image = await registry.PushImageAsync("multi", "amd64");
        var index = Encoding.UTF8.GetBytes(
            $"{{\"schemaVersion\":2,\"mediaType\":\"{MediaTypes.DockerManifestList}\",\"manifests\":[{{\"mediaType\":\"{MediaTypes.OciManifest}\"," +
            $"\"digest\":\"{image.Digest}\",\"size\":{image.Manifest.Length},\"platform\":{{\"os\":\"linux\",\"architecture\":\"amd64\"}}}}]}}");
        using (var put = await registry.PutManifestAsync("multi", "latest", index, MediaTypes.DockerManifestList))
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        using var both = new HttpRequestMessage(HttpMethod.Get, "/v2/multi/manifests/latest");
        both.Headers.Accept.ParseAdd(MediaTypes.DockerManifestList);
        both.Headers.Accept.ParseAdd(MediaTypes.OciManifest);
        using var asIndex = await registry.Client.SendAsync(both);
        Assert.Equal(MediaTypes.DockerManifestList, asIndex.Content.Headers.ContentType!.MediaType);
        Assert.Equal(index, await asIndex.Content.ReadAsByteArrayAsync());

        using var manifestOnly = new HttpRequestMessage(HttpMethod.Get, "/v2/multi/manifests/latest");
        manifestOnly.Headers.Accept.ParseAdd(MediaTypes.OciManifest);
        using var asImage = await registry.Client.SendAsync(manifestOnly);
        Assert.Equal(HttpStatusCode.OK, asImage.StatusCode);
        Assert.Equal(image.Digest.ToString(), asImage.Headers.GetValues("Docker-Content-Digest").Single());

        using var unacceptable = new HttpRequestMessage(HttpMethod.Get, $"/v2/multi/manifests/{image.Digest}");
        unacceptable.Headers.Accept.ParseAdd(MediaTypes.DockerManifest);
        await ErrorBody.AssertAsync(await registry.Client.SendAsync(unacceptable), HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");
    }
}
