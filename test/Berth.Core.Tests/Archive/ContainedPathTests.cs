using System.Formats.Tar;
using Berth.Core.Archive;
using Berth.Testing;

namespace Berth.Core.Tests.Archive;

public sealed class ContainedPathTests : IDisposable
{
    private readonly TempDir _root = new("contained-");
    private readonly TempDir _outside = new("outside-");

    public ContainedPathTests()
    {
        Directory.CreateDirectory(_root.Combine("a/b"));
        File.WriteAllText(_root.Combine("a/b/file"), "x");
        File.CreateSymbolicLink(_root.Combine("toroot"), "/");
        File.CreateSymbolicLink(_root.Combine("a/up"), "../../../../..");
        File.CreateSymbolicLink(_root.Combine("a/rel"), "b/file");
        File.CreateSymbolicLink(_root.Combine("host"), _outside.Path);
        File.CreateSymbolicLink(_root.Combine("loop"), "loop");
    }

    public void Dispose()
    {
        _root.Dispose();
        _outside.Dispose();
    }

    [Theory]
    [InlineData("/a/b/file", "/a/b/file")]
    [InlineData("a/b/file", "/a/b/file")]
    [InlineData("/../../a/b/file", "/a/b/file")]
    [InlineData("/toroot/a/b/file", "/a/b/file")]
    [InlineData("/a/up/a/up/a/b/file", "/a/b/file")]
    [InlineData("/", "/")]
    [InlineData("/toroot", "/toroot")]
    public void PathsResolveInsideTheRootWithoutFollowingTheLastLink(string path, string expected) =>
        Assert.Equal(expected, ContainedPath.InRoot(_root.Path, ContainedPath.Resolve(_root.Path, path, followFinal: false)!));

    [Theory]
    [InlineData("/toroot", "/")]
    [InlineData("/a/rel", "/a/b/file")]
    [InlineData("/a/up", "/")]
    public void TheLastLinkIsFollowedWithinTheRootWhenAsked(string path, string expected) =>
        Assert.Equal(expected, ContainedPath.InRoot(_root.Path, ContainedPath.Resolve(_root.Path, path, followFinal: true)!));

    [Fact]
    public void AnAbsoluteLinkToAHostDirectoryStaysInTheRoot()
    {
        File.WriteAllText(Path.Combine(_outside.Path, "secret"), "host");
        Assert.Null(ContainedPath.Resolve(_root.Path, "/host/secret", followFinal: false));
        Assert.Null(ContainedPath.Resolve(_root.Path, "/host", followFinal: true)); // its parents do not exist in the root
        Directory.CreateDirectory(_root.Path + _outside.Path);
        Assert.Equal(_root.Path + _outside.Path, ContainedPath.Resolve(_root.Path, "/host", followFinal: true));
    }

    [Fact]
    public void LinkLoopsAndFilesUsedAsDirectoriesAreErrors()
    {
        Assert.Throws<BerthException>(() => ContainedPath.Resolve(_root.Path, "/loop", followFinal: true));
        Assert.Throws<BerthException>(() => ContainedPath.Resolve(_root.Path, "/a/b/file/x", followFinal: false));
    }

    [Theory]
    [InlineData("/x/", true)]
    [InlineData("/x/.", true)]
    [InlineData(".", true)]
    [InlineData("/x", false)]
    [InlineData("/x/..", false)]
    public void TrailingSlashOrDotAssertsADirectory(string path, bool expected) => Assert.Equal(expected, ContainedPath.AssertsDirectory(path));

    [Fact]
    public async Task CopyExtractionKeepsWhiteoutNamesRenamesTheTopAndForcesTheOwner()
    {
        var tar = new TarBuilder().Directory("src").File("src/.wh.kept", "plain", uid: 1000, gid: 1000).File("src/f", "f").ToStream();
        var options = new TarExtractOptions { Whiteouts = false, Owner = (0, 0), RenameTop = ("src", "dst"), BaseComponents = ["a"] };
        await LayerApplier.ApplyAsync(tar, _root.Path, options, CancellationToken.None);
        Assert.Equal("plain", File.ReadAllText(_root.Combine("a/dst/.wh.kept")));
        Assert.Equal("f", File.ReadAllText(_root.Combine("a/dst/f")));
        Assert.Equal(0u, Interop.Libc.LstatOrNull(_root.Combine("a/dst/.wh.kept"))!.Value.Uid);
    }

    [Fact]
    public async Task NoOverwriteDirNonDirRefusesToReplaceADirectoryWithAFile()
    {
        var tar = new TarBuilder().File("b", "not a dir").ToStream();
        var options = new TarExtractOptions { Whiteouts = false, NoOverwriteDirNonDir = true, BaseComponents = ["a"] };
        var error = await Assert.ThrowsAsync<BerthException>(() => LayerApplier.ApplyAsync(tar, _root.Path, options, CancellationToken.None));
        Assert.Contains("cannot overwrite directory", error.Message);
        Assert.True(Directory.Exists(_root.Combine("a/b")));
    }

    [Fact]
    public async Task WritePathNamesTheTopEntryAndItsTree()
    {
        using var output = new MemoryStream();
        await DirectoryTarWriter.WritePathAsync(_root.Combine("a/b"), ".", output, CancellationToken.None);
        output.Position = 0;
        using var reader = new TarReader(output);
        var names = new List<string>();
        while (reader.GetNextEntry() is { } entry) names.Add(entry.Name);
        Assert.Equal(["./", "./file"], names);
    }
}
