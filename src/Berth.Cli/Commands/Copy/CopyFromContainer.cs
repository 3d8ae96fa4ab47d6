using Berth.Client;
using Berth.Core.Archive;
using Berth.Core.Interop;

namespace Berth.Cli.Commands.Copy;

/// <summary>
/// <c>berth cp CONTAINER:SRC DEST</c>: fetches a tar of SRC and extracts it locally with docker's rules: into an
/// existing directory as is; otherwise into DEST's parent, the top entry renamed to DEST's base name. DEST
/// <c>-</c> writes the tar to stdout. <c>-L</c> copies a symlink's target under the link's name.
/// </summary>
internal static class CopyFromContainer
{
    public static async Task<long> RunAsync(CliContext context, IBerthClient client, CopyPath source, string destination, bool followLink, CancellationToken cancellationToken)
    {
        var container = source.Container!;
        var sourcePath = source.Path;
        string? rebaseName = null;
        if (followLink)
        {
            var stat = await client.Containers.StatPathAsync(container, sourcePath, cancellationToken).ConfigureAwait(false);
            if (stat.IsSymlink)
            {
                var target = stat.LinkTarget.StartsWith('/') ? stat.LinkTarget : CopyPath.Join(CopyPath.SplitDirEntry(sourcePath).Directory, stat.LinkTarget);
                rebaseName = CopyPath.SplitDirEntry(sourcePath).Base;
                sourcePath = target;
            }
        }
        var archive = await client.Containers.GetArchiveAsync(container, sourcePath, cancellationToken).ConfigureAwait(false);
        await using (archive.ConfigureAwait(false))
        {
            var counted = new CountingStream(archive.Content);
            if (destination == "-")
            {
                await counted.CopyToAsync(context.StdoutStream, cancellationToken).ConfigureAwait(false);
                await context.StdoutStream.FlushAsync(cancellationToken).ConfigureAwait(false);
                return counted.BytesRead;
            }
            var sourceBase = CopyPath.SplitDirEntry(sourcePath).Base;
            var sourceIsDir = archive.Stat.IsDirectory;
            var local = Path.GetFullPath(destination);
            var destinationIsDir = Directory.Exists(local);
            var destinationExists = destinationIsDir || File.Exists(local);
            var (destinationDir, destinationBase) = CopyPath.SplitDirEntry(local);
            string extractInto;
            string name;
            if (destinationExists && destinationIsDir)
            {
                extractInto = local;
                name = rebaseName ?? sourceBase;
            }
            else if (destinationExists && sourceIsDir)
            {
                throw new CliUsageException("cannot copy directory");
            }
            else if (!destinationExists && !sourceIsDir && CopyPath.AssertsDirectory(destination))
            {
                throw new CliUsageException($"no such directory");
            }
            else
            {
                extractInto = destinationDir;
                name = destinationBase;
            }
            if (!Directory.Exists(extractInto)) throw new CliUsageException($"lstat {extractInto}: no such file or directory");
            var options = new TarExtractOptions
            {
                Whiteouts = false,
                NoOverwriteDirNonDir = true,
                Owner = ((int)Libc.Geteuid(), (int)Libc.Getegid()),
                RenameTop = name == sourceBase ? null : (sourceBase, name),
            };
            await LayerApplier.ApplyAsync(counted, extractInto, options, cancellationToken).ConfigureAwait(false);
            return counted.BytesRead;
        }
    }
}
