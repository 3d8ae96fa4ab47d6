using System.Formats.Tar;
using System.Security.Cryptography;
using Berth.Core.Interop;
using Berth.Engine.Build;
using Berth.Testing;

namespace Berth.Engine.Tests.Build;

/// <summary>A context tar read into a skeleton plus kept bytes: same tree, digests without reading files, real unpack on demand.</summary>
public sealed class ContextArchiveTests
{
    private static byte[] Random(int size)
    {
        var bytes = new byte[size];
        System.Random.Shared.NextBytes(bytes);
        return bytes;
    }

    private static MemoryStream Tar(byte[] small, byte[] large)
    {
        var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "dir/") { Mode = (UnixFileMode)0x1c0 });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "Dockerfile") { DataStream = new MemoryStream(small) });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "dir/big.bin") { DataStream = new MemoryStream(large), Uid = 7, Gid = 8 });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "link") { LinkName = "dir/big.bin" });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.HardLink, "hard.bin") { LinkName = "dir/big.bin" });
        }
        buffer.Position = 0;
        return buffer;
    }

    [Theory]
    [InlineData(300 << 10)]
    [InlineData(70 << 20)] // over the memory limit: the spool goes to a file
    public async Task SkeletonHasTheTreeAndDigestsComeFromTheKeptBytes(int largeSize)
    {
        using var dir = new TempDir("ctx-archive-");
        var small = "FROM busybox\n"u8.ToArray();
        var large = Random(largeSize);
        using var archive = await ContextArchive.ReadAsync(Tar(small, large), dir.Path, CancellationToken.None);

        var root = archive.Skeleton;
        Assert.Equal(small, await File.ReadAllBytesAsync(Path.Combine(root, "Dockerfile")));
        var big = Libc.LstatOrNull(Path.Combine(root, "dir/big.bin"))!.Value;
        Assert.Equal((ulong)large.Length, big.Size);
        Assert.Equal((7u, 8u), (big.Uid, big.Gid));
        Assert.Equal(0x1c0, Libc.LstatOrNull(Path.Combine(root, "dir"))!.Value.Mode & 0xfff);
        Assert.Equal("dir/big.bin", new FileInfo(Path.Combine(root, "link")).LinkTarget);
        Assert.Equal(big.Ino, Libc.LstatOrNull(Path.Combine(root, "hard.bin"))!.Value.Ino);
        Assert.True(archive.IsHollow(Path.Combine(root, "dir/big.bin")));
        Assert.False(archive.IsHollow(Path.Combine(root, "Dockerfile")));
        Assert.Equal(SHA256.HashData(large), archive.Digest(big));
        Assert.Equal(SHA256.HashData(small), archive.Digest(Libc.LstatOrNull(Path.Combine(root, "Dockerfile"))!.Value));

        var real = await archive.MaterializeAsync(CancellationToken.None);
        Assert.Equal(large, await File.ReadAllBytesAsync(Path.Combine(real, "dir/big.bin")));
        Assert.Equal(large, await File.ReadAllBytesAsync(Path.Combine(real, "hard.bin")));
        Assert.Null(archive.Digest(big)); // once unpacked, callers read the files
    }

    [Fact]
    public async Task ChecksumFromKeptBytesEqualsChecksumFromFiles()
    {
        using var dir = new TempDir("ctx-archive-");
        var large = Random(400 << 10);
        using var archive = await ContextArchive.ReadAsync(Tar("x"u8.ToArray(), large), dir.Path, CancellationToken.None);
        var fromSkeleton = new BuildContext(archive.Skeleton, DockerIgnore.Empty, isBuildContext: true, archive).Checksum(["dir", "Dockerfile"]);
        var real = await archive.MaterializeAsync(CancellationToken.None);
        var fromFiles = new BuildContext(real, DockerIgnore.Empty, isBuildContext: true).Checksum(["dir", "Dockerfile"]);
        Assert.Equal(fromFiles, fromSkeleton);
    }
}
