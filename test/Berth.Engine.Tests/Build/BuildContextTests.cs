using Berth.Core;
using Berth.Engine.Build;

namespace Berth.Engine.Tests.Build;

public sealed class BuildContextTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("berth-context-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Write(string relative, string text = "x")
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public void SymlinksResolveInsideTheContext()
    {
        Write("real/file");
        Directory.CreateSymbolicLink(Path.Combine(_root, "dir"), "/../../real");
        File.CreateSymbolicLink(Path.Combine(_root, "link"), "../../../dir/file");
        var context = new BuildContext(_root, DockerIgnore.Empty, isBuildContext: true);
        Assert.Equal(["real/file"], context.Resolve("link", "COPY"));
        Assert.Equal(["real/file"], context.Resolve("dir/file", "COPY"));
        Assert.Equal(["real"], context.Resolve("./dir", "COPY"));
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("missing/file")]
    [InlineData("real/file/below")]
    public void MissingSourcesAreNotFound(string source)
    {
        Write("real/file");
        var context = new BuildContext(_root, DockerIgnore.Empty, isBuildContext: true);
        var e = Assert.Throws<BerthException>(() => context.Resolve(source, "COPY"));
        Assert.Contains("file not found in build context", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WalkSkipsExcludedDirectoriesWithoutExceptionsBelowThem()
    {
        Write("a.txt");
        Write("keep.txt");
        Write("logs/a.txt");
        Write("secret/hidden");
        Write("secret/allowed/file");
        // Docker's rule: "!**/a.txt" does not name a path below logs/, so logs/ is skipped whole.
        var ignore = new DockerIgnore(["logs", "secret", "!secret/allowed", "!**/a.txt"]);
        var context = new BuildContext(_root, ignore, isBuildContext: true);
        Assert.Equal(["a.txt", "keep.txt", "secret/allowed", "secret/allowed/file"], context.Walk("").ToList());
    }
}
