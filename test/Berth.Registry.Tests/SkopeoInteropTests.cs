using System.Text.Json;
using Berth.Core;
using Berth.Testing;

namespace Berth.Registry.Tests;

/// <summary>skopeo (containers/image, a real OCI client) copies an image into the published berth-registry and back out.</summary>
public sealed class SkopeoInteropTests
{
    [Fact]
    public async Task SkopeoCopiesInListsInspectsAndCopiesOut()
    {
        using var temp = new TempDir("berth-skopeo-");
        var manifest = OciLayoutBuilder.Write(temp.CreateDirectory("in"), "v1", "hello from berth");
        await using var registry = await RegistryProcess.StartAsync(temp.CreateDirectory("root"));
        var reference = $"docker://{registry.HostPort}/interop/hello";

        await ToolRun.RunAsync("skopeo", "copy", "--preserve-digests", "--dest-tls-verify=false", $"oci:{temp.Combine("in")}:v1", reference + ":v1");
        await ToolRun.RunAsync("skopeo", "copy", "--preserve-digests", "--src-tls-verify=false", "--dest-tls-verify=false", reference + ":v1", reference + ":v2");

        using (var inspect = JsonDocument.Parse(await ToolRun.RunAsync("skopeo", "inspect", "--tls-verify=false", reference + ":v1")))
        {
            Assert.Equal(manifest.ToString(), inspect.RootElement.GetProperty("Digest").GetString());
            Assert.Equal("amd64", inspect.RootElement.GetProperty("Architecture").GetString());
        }
        using (var tags = JsonDocument.Parse(await ToolRun.RunAsync("skopeo", "list-tags", "--tls-verify=false", reference)))
            Assert.Equal(["v1", "v2"], tags.RootElement.GetProperty("Tags").EnumerateArray().Select(t => t.GetString()));

        await ToolRun.RunAsync("skopeo", "copy", "--preserve-digests", "--src-tls-verify=false", reference + ":v2", $"oci:{temp.Combine("out")}:copied");
        using var index = JsonDocument.Parse(await File.ReadAllTextAsync(temp.Combine("out", "index.json")));
        Assert.Equal(manifest.ToString(), index.RootElement.GetProperty("manifests")[0].GetProperty("digest").GetString());
        foreach (var blob in Directory.GetFiles(temp.Combine("in", "blobs", "sha256")))
        {
            var copied = temp.Combine("out", "blobs", "sha256", Path.GetFileName(blob));
            Assert.Equal(Digest.Compute(await File.ReadAllBytesAsync(blob)), Digest.Compute(await File.ReadAllBytesAsync(copied)));
        }

        // berth-registry gc beside the running server: everything is referenced, so nothing goes, even without grace.
        var gc = await ToolRun.RunAsync(RegistryProcess.Binary, "gc", "--root", temp.Combine("root"), "--grace", "0");
        Assert.Contains("removed 0 blobs", gc, StringComparison.Ordinal);
        await ToolRun.RunAsync("skopeo", "inspect", "--tls-verify=false", reference + ":v2");
    }
}
