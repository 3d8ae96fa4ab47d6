using System.Formats.Tar;
using Berth.Core.Archive;
using Berth.Testing;

namespace Berth.Core.Tests.Archive;

public sealed class DirectoryTarWriterTests : IDisposable
{
    private readonly TestDirectory _dir = new("dirtar");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task WritesSortedEntriesWithModesSymlinksAndHardLinks()
    {
        Directory.CreateDirectory(_dir.Combine("b", "sub"));
        File.WriteAllText(_dir.Combine("b", "sub", "file"), "data");
        File.SetUnixFileMode(_dir.Combine("b", "sub", "file"), (UnixFileMode)0x1ed);
        Assert.Equal(0, Berth.Core.Interop.Libc.Link(_dir.Combine("b", "sub", "file"), _dir.Combine("a-link")));
        File.CreateSymbolicLink(_dir.Combine("c"), "/b/sub/file");

        using var output = new MemoryStream();
        await DirectoryTarWriter.WriteAsync(_dir.Path, output, CancellationToken.None);

        output.Position = 0;
        using var reader = new TarReader(output);
        var entries = new List<TarEntry>();
        while (reader.GetNextEntry(copyData: true) is { } entry) entries.Add(entry);
        Assert.Equal(["a-link", "b/", "b/sub/", "b/sub/file", "c"], entries.Select(e => e.Name));
        Assert.Equal(TarEntryType.RegularFile, entries[0].EntryType);
        Assert.Equal(TarEntryType.HardLink, entries[3].EntryType);
        Assert.Equal("a-link", entries[3].LinkName);
        Assert.Equal((UnixFileMode)0x1ed, entries[0].Mode);
        Assert.Equal(TarEntryType.SymbolicLink, entries[4].EntryType);
        Assert.Equal("/b/sub/file", entries[4].LinkName);
        Assert.Equal("data", new StreamReader(entries[0].DataStream!).ReadToEnd());
    }
}
