using System.Formats.Tar;
using Berth.Core.Archive;
using Berth.Core.Interop;

namespace Berth.Core.Tests.Archive;

/// <summary>LayerWriter is LayerApplier's inverse: an overlay upper dir → tar → applied dir gives the same tree.</summary>
public sealed class LayerWriterTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("berth-layerwriter-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Upper()
    {
        var upper = Path.Combine(_root, "upper");
        Directory.CreateDirectory(upper + "/etc/opaque");
        File.WriteAllText(upper + "/etc/passwd", "root:x:0:0::/root:/bin/sh\n");
        File.SetUnixFileMode(upper + "/etc/passwd", UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Libc.Lchown(upper + "/etc/passwd", 12, 34);
        File.WriteAllText(upper + "/etc/opaque/kept", "kept");
        Libc.Lsetxattr(upper + "/etc/opaque", LayerApplier.OverlayOpaqueXattr, "y"u8, 1, 0);
        File.CreateSymbolicLink(upper + "/etc/link", "../outside");
        Libc.Link(upper + "/etc/passwd", upper + "/etc/hard");
        Errno.ThrowIfError(Libc.Mknod(upper + "/etc/gone", Libc.S_IFCHR, Libc.MakeDev(0, 0)), "mknod", "gone");
        return upper;
    }

    [Fact]
    public async Task WritesWhiteoutsOpaqueMarkersLinksAndOwners()
    {
        var tar = new MemoryStream();
        var result = await LayerWriter.WriteAsync(Upper(), tar, CancellationToken.None);
        tar.Position = 0;
        var entries = new List<TarEntry>();
        using (var reader = new TarReader(tar))
        {
            while (reader.GetNextEntry(copyData: true) is { } entry) entries.Add(entry);
        }
        Assert.Equal(
            ["etc/", "etc/.wh.gone", "etc/hard", "etc/link", "etc/opaque/", "etc/opaque/.wh..wh..opq", "etc/opaque/kept", "etc/passwd"],
            entries.Select(e => e.Name));
        Assert.Equal(result.Entries, entries.Count);
        var hard = entries.Single(e => e.Name == "etc/hard");
        var passwd = entries.Single(e => e.Name == "etc/passwd");
        // Sorted order puts "hard" first: it carries the data and "passwd" links to it.
        Assert.Equal(TarEntryType.RegularFile, hard.EntryType);
        Assert.Equal(TarEntryType.HardLink, passwd.EntryType);
        Assert.Equal("etc/hard", passwd.LinkName);
        Assert.Equal((12, 34), (hard.Uid, hard.Gid));
        Assert.Equal("../outside", entries.Single(e => e.Name == "etc/link").LinkName);
    }

    [Fact]
    public async Task RoundTripsThroughLayerApplierAndMirror()
    {
        var upper = Upper();
        var mirror = Directory.CreateDirectory(Path.Combine(_root, "mirror")).FullName;
        var applied = Directory.CreateDirectory(Path.Combine(_root, "applied")).FullName;
        var tar = new MemoryStream();
        await LayerWriter.WriteAsync(upper, tar, CancellationToken.None, mirror);
        tar.Position = 0;
        await LayerApplier.ApplyAsync(tar, applied, CancellationToken.None);
        foreach (var tree in new[] { mirror, applied })
        {
            Assert.Equal("root:x:0:0::/root:/bin/sh\n", File.ReadAllText(tree + "/etc/passwd"));
            Assert.Equal("kept", File.ReadAllText(tree + "/etc/opaque/kept"));
            Assert.True(LayerWriter.IsOpaque(tree + "/etc/opaque"));
            var gone = Libc.LstatOrNull(tree + "/etc/gone")!.Value;
            Assert.Equal((Libc.S_IFCHR, 0u, 0u), (gone.FileType, gone.RdevMajor, gone.RdevMinor));
            Assert.Equal("../outside", new FileInfo(tree + "/etc/link").LinkTarget);
            var st = Libc.LstatOrNull(tree + "/etc/passwd")!.Value;
            Assert.Equal((12u, 34u, 0x180u), (st.Uid, st.Gid, st.Mode & 0xfffu));
            Assert.Equal(File.GetLastWriteTimeUtc(upper + "/etc/passwd"), File.GetLastWriteTimeUtc(tree + "/etc/passwd"), TimeSpan.FromMilliseconds(1));
        }
    }

    [Fact]
    public void OverlayChangesReportAddedModifiedDeleted()
    {
        var upper = Upper();
        var lower = Path.Combine(_root, "lower");
        Directory.CreateDirectory(lower + "/etc/opaque");
        File.WriteAllText(lower + "/etc/passwd", "old");
        File.WriteAllText(lower + "/etc/gone", "x");
        File.WriteAllText(lower + "/etc/opaque/hidden", "x");
        var changes = OverlayChanges.Compute(upper, [lower]).Select(c => $"{c.Kind} {c.Path}");
        Assert.Equal(
            ["Modified /etc", "Deleted /etc/gone", "Added /etc/hard", "Added /etc/link", "Modified /etc/opaque", "Added /etc/opaque/kept", "Modified /etc/passwd"],
            changes);
    }
}
