using Berth.Engine.Build;

namespace Berth.Engine.Tests.Build;

public sealed class DockerIgnoreTests
{
    [Theory]
    [InlineData("a.log", true)]
    [InlineData("keep.log", false)]
    [InlineData("sub/a.log", false)]
    [InlineData("deep/x/y.tmp", true)]
    [InlineData("y.tmp", true)]
    [InlineData("secret", true)]
    [InlineData("secret/inner", true)]
    [InlineData("secret/allowed", false)]
    [InlineData("node_modules/pkg/index.js", true)]
    [InlineData("src/main.c", false)]
    [InlineData("file1", true)]
    [InlineData("file10", false)]
    public void MatchesLikeDocker(string path, bool excluded)
    {
        var ignore = new DockerIgnore(["# comment", "*.log", "!keep.log", "**/*.tmp", "/secret/", "!secret/allowed", "node_modules", "file[0-9]", ""]);
        Assert.Equal(excluded, ignore.IsExcluded(path));
    }

    [Theory]
    [InlineData("secret", true)]
    [InlineData("node_modules", false)]
    [InlineData("logs", false)]
    [InlineData("keep", true)]
    [InlineData("sec", false)]
    public void ExcludedDirectoriesAreWalkedOnlyForExceptionsBelowThem(string directory, bool walked)
    {
        var ignore = new DockerIgnore(["secret", "node_modules", "logs", "keep", "sec", "!secret/allowed", "!*.keep", "!./keep/"]);
        Assert.Equal(walked, ignore.MayIncludeBelow(directory));
    }
}
