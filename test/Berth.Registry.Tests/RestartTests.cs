using System.Net;
using Berth.Core;

namespace Berth.Registry.Tests;

/// <summary>An upload outlives a server restart: its session and bytes are on disk, and it resumes at its offset.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task UploadResumesAfterRestart()
    {
        await using var registry = await TestRegistry.StartAsync();
        using var start = await registry.Client.PostAsync("/v2/app/blobs/uploads/", null);
        var location = start.Headers.Location!.ToString();
        using (var patch = await registry.Client.PatchAsync(location, new ByteArrayContent("before restart, "u8.ToArray())))
            Assert.Equal(HttpStatusCode.Accepted, patch.StatusCode);

        await registry.RestartAsync();

        using (var status = await registry.Client.GetAsync(location))
        {
            Assert.Equal(HttpStatusCode.NoContent, status.StatusCode);
            Assert.Equal("0-15", status.Headers.GetValues("Range").Single());
        }
        var data = "before restart, after restart"u8.ToArray();
        using var content = new ByteArrayContent("after restart"u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Range", $"16-{data.Length - 1}");
        using var put = await registry.Client.PutAsync($"{location}?digest={Digest.Compute(data)}", content);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal(data, await registry.Client.GetByteArrayAsync($"/v2/app/blobs/{Digest.Compute(data)}"));
    }
}
