using System.Formats.Tar;
using System.IO.Pipelines;

namespace Berth.Cli.Commands.Copy;

/// <summary>
/// docker's RebaseArchiveEntries: a tar whose top name <c>oldBase</c> (and <c>oldBase/…</c>) becomes
/// <c>newBase</c>, hard link targets too, streamed through a pipe so nothing is buffered whole.
/// </summary>
internal static class TarRebase
{
    public static Stream Rebase(Stream source, string oldBase, string newBase, CancellationToken cancellationToken)
    {
        var pipe = new Pipe();
        _ = Task.Run(async () =>
        {
            Exception? failure = null;
            try
            {
                var output = pipe.Writer.AsStream(leaveOpen: true);
                await using (output.ConfigureAwait(false))
                {
                    await CopyAsync(source, output, oldBase, newBase, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception e)
            {
                failure = e;
            }
            await pipe.Writer.CompleteAsync(failure).ConfigureAwait(false);
        }, cancellationToken);
        return pipe.Reader.AsStream();
    }

    private static async Task CopyAsync(Stream source, Stream output, string oldBase, string newBase, CancellationToken cancellationToken)
    {
        var reader = new TarReader(source, leaveOpen: true);
        await using (reader.ConfigureAwait(false))
        {
            var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
            await using (writer.ConfigureAwait(false))
            {
                while (await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
                {
                    entry.Name = Rename(entry.Name, oldBase, newBase);
                    if (entry.EntryType == TarEntryType.HardLink) entry.LinkName = Rename(entry.LinkName, oldBase, newBase);
                    await writer.WriteEntryAsync(entry, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary><c>oldBase</c>, <c>oldBase/</c> and <c>oldBase/x</c> take <c>newBase</c>; other names stay.</summary>
    public static string Rename(string name, string oldBase, string newBase)
    {
        if (name == oldBase) return newBase;
        if (name.StartsWith(oldBase + "/", StringComparison.Ordinal)) return newBase + name[oldBase.Length..];
        return name;
    }
}
