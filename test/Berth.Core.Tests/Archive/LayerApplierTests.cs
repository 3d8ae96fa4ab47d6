using System.Formats.Tar;
using Berth.Core.Archive;
using Berth.Core.Interop;
using Berth.Testing;

namespace Berth.Core.Tests.Archive;

public sealed class LayerApplierTests : IDisposable
{
    private readonly TestDirectory _dir = new("berth-apply");
    private readonly string _root;
    private readonly string _outside;

    public LayerApplierTests()
    {
        _root = _dir.Combine("root");
        _outside = _dir.Combine("outside");
        Directory.CreateDirectory(_root);
        Directory.CreateDirectory(_outside);
    }

    public void Dispose() => _dir.Dispose();

    private Task<TarApplyResult> Apply(TarBuilder tar) => LayerApplier.ApplyAsync(tar.ToStream(), _root, CancellationToken.None);

    private string[] OutsideEntries() => Directory.GetFileSystemEntries(_dir.Path).Select(Path.GetFileName).Order().ToArray()!;

    [Fact]
    public async Task AppliesFilesDirectoriesLinksModesOwnersAndTimes()
    {
        var result = await Apply(new TarBuilder()
            .Directory("etc/", (UnixFileMode)0x1c0)
            .File("etc/hosts", "127.0.0.1 localhost\n", (UnixFileMode)0x9a4, uid: 1000, gid: 1001)
            .Symlink("etc/link", "/etc/hosts")
            .HardLink("etc/hard", "etc/hosts")
            .File("deep/er/file", "x"));

        Assert.Equal(20 + 1, result.Size);
        Assert.Equal(0, result.SkippedEntries);
        var hosts = Path.Combine(_root, "etc/hosts");
        Assert.Equal("127.0.0.1 localhost\n", File.ReadAllText(hosts));
        var st = Libc.LstatOrNull(hosts)!.Value;
        Assert.Equal(0x9a4u, st.Mode & 0xfffu); // setuid survives chown
        Assert.Equal(1000u, st.Uid);
        Assert.Equal(1001u, st.Gid);
        Assert.Equal(2u, st.Nlink);
        Assert.Equal(TarBuilder.Epoch.ToUnixTimeSeconds(), st.Mtime.Seconds);
        Assert.Equal("/etc/hosts", new FileInfo(Path.Combine(_root, "etc/link")).LinkTarget);
        var etc = Libc.LstatOrNull(Path.Combine(_root, "etc"))!.Value;
        Assert.Equal(0x1c0u, etc.Mode & 0xfffu);
        Assert.Equal(TarBuilder.Epoch.ToUnixTimeSeconds(), etc.Mtime.Seconds);
        Assert.True(File.Exists(Path.Combine(_root, "deep/er/file")));
    }

    [Fact]
    public async Task DotDotAndAbsoluteNamesStayInsideTheRoot()
    {
        await Apply(new TarBuilder().File("../escape", "x").File("/abs", "y").File("a/../../../b", "z"));
        Assert.True(File.Exists(Path.Combine(_root, "escape")));
        Assert.True(File.Exists(Path.Combine(_root, "abs")));
        Assert.True(File.Exists(Path.Combine(_root, "b")));
        Assert.Equal(["outside", "root"], OutsideEntries());
    }

    [Fact]
    public async Task AbsoluteSymlinkIsFollowedInsideTheRootOnly()
    {
        await Apply(new TarBuilder().Symlink("evil", _outside).File("evil/pwned", "x"));
        Assert.Empty(Directory.GetFileSystemEntries(_outside));
        Assert.True(File.Exists(_root + _outside + "/pwned"));
    }

    [Fact]
    public async Task RelativeSymlinkClimbingOutIsClampedAtTheRoot()
    {
        await Apply(new TarBuilder().Symlink("up", "../../../../../..").File("up/x", "x").Symlink("o", "../outside").File("o/y", "y"));
        Assert.True(File.Exists(Path.Combine(_root, "x")));
        Assert.True(File.Exists(Path.Combine(_root, "outside/y")));
        Assert.Empty(Directory.GetFileSystemEntries(_outside));
    }

    [Fact]
    public async Task FileOverASymlinkReplacesTheLinkNotItsTarget()
    {
        var victim = Path.Combine(_outside, "victim");
        File.WriteAllText(victim, "original");
        await Apply(new TarBuilder().Symlink("f", victim).File("f", "overwritten").Symlink("d", _outside).Directory("d/"));
        Assert.Equal("original", File.ReadAllText(victim));
        Assert.Equal("overwritten", File.ReadAllText(Path.Combine(_root, "f")));
        Assert.Equal(Libc.S_IFDIR, Libc.LstatOrNull(Path.Combine(_root, "d"))!.Value.FileType);
    }

    [Fact]
    public async Task HardlinkToAHostFileIsRefused()
    {
        var before = Libc.LstatOrNull("/etc/passwd")!.Value.Nlink;
        var ex = await Assert.ThrowsAsync<BerthException>(() => Apply(new TarBuilder().HardLink("passwd", "/etc/passwd")));
        Assert.Equal(ErrorKind.InvalidArgument, ex.Kind);
        var victim = Path.Combine(_outside, "v");
        File.WriteAllText(victim, "v");
        await Assert.ThrowsAsync<BerthException>(() => Apply(new TarBuilder().HardLink("h", "../outside/v")));
        await Assert.ThrowsAsync<BerthException>(() => Apply(new TarBuilder().Symlink("s", _outside).HardLink("h2", "s/v")));
        Assert.Equal(before, Libc.LstatOrNull("/etc/passwd")!.Value.Nlink);
        Assert.Equal(1u, Libc.LstatOrNull(victim)!.Value.Nlink);
        Assert.False(File.Exists(Path.Combine(_root, "passwd")));
    }

    [Fact]
    public async Task DeviceNodesAndFifosAreCreated()
    {
        var result = await Apply(new TarBuilder()
            .Device("dev/null")
            .Device("dev/sda", TarEntryType.BlockDevice, 8, 0)
            .Device("fifo", TarEntryType.Fifo)
            .File("ok", "1"));
        Assert.Equal(0, result.SkippedEntries);
        var nul = Libc.LstatOrNull(Path.Combine(_root, "dev/null"))!.Value;
        Assert.Equal(Libc.S_IFCHR, nul.FileType);
        Assert.Equal((1u, 3u), (nul.RdevMajor, nul.RdevMinor));
        var sda = Libc.LstatOrNull(Path.Combine(_root, "dev/sda"))!.Value;
        Assert.Equal(Libc.S_IFBLK, sda.FileType);
        Assert.Equal((8u, 0u), (sda.RdevMajor, sda.RdevMinor));
        Assert.Equal(Libc.S_IFIFO, Libc.LstatOrNull(Path.Combine(_root, "fifo"))!.Value.FileType);
        Assert.True(File.Exists(Path.Combine(_root, "ok")));
    }

    [Fact]
    public async Task WhiteoutsBecomeOverlayWhiteouts()
    {
        await Apply(new TarBuilder()
            .Directory("bin/")
            .File("bin/.wh..wh..opq", "")
            .File(".wh.gone", "")
            .File("keep", "k")
            .File(".wh.keep", ""));

        var gone = Libc.LstatOrNull(Path.Combine(_root, "gone"))!.Value;
        Assert.Equal(Libc.S_IFCHR, gone.FileType);
        Assert.Equal(0u, gone.RdevMajor);
        Assert.Equal(0u, gone.RdevMinor);
        Assert.Null(Libc.LstatOrNull(Path.Combine(_root, ".wh.gone")));
        Assert.Null(Libc.LstatOrNull(Path.Combine(_root, "bin/.wh..wh..opq")));
        var value = new byte[8];
        var n = Libc.Lgetxattr(Path.Combine(_root, "bin"), LayerApplier.OverlayOpaqueXattr, value, (nuint)value.Length);
        Assert.Equal(1, (int)n);
        Assert.Equal((byte)'y', value[0]);
        // layer.md: a whiteout never hides what its own layer created.
        Assert.Equal("k", File.ReadAllText(Path.Combine(_root, "keep")));
    }

    [Fact]
    public async Task EmptyWhiteoutNameIsInvalid()
    {
        var ex = await Assert.ThrowsAsync<BerthException>(() => Apply(new TarBuilder().File("a/.wh.", "")));
        Assert.Equal(ErrorKind.InvalidArgument, ex.Kind);
    }

    [Fact]
    public async Task ForgedOverlayXattrsAreNotApplied()
    {
        var pax = new Dictionary<string, string> { ["SCHILY.xattr.trusted.overlay.opaque"] = "y", ["SCHILY.xattr.user.note"] = "hi" };
        var result = await Apply(new TarBuilder().File("f", "x"u8.ToArray(), pax: pax));
        Assert.Equal(1, result.SkippedEntries);
        var buf = new byte[8];
        Assert.True(Libc.Lgetxattr(Path.Combine(_root, "f"), "trusted.overlay.opaque", buf, 8) < 0);
    }
}
