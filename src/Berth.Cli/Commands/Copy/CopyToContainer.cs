using Berth.Client;
using Berth.Core.Archive;

namespace Berth.Cli.Commands.Copy;

/// <summary>
/// <c>berth cp SRC CONTAINER:DEST</c>: sends a tar of SRC, named so that extracting it in the right container
/// directory gives docker's result: into an existing directory under SRC's name (<c>SRC/.</c>: its contents);
/// otherwise into DEST's parent under DEST's name. SRC <c>-</c> sends stdin's tar into the directory DEST.
/// </summary>
internal static class CopyToContainer
{
    public static async Task<long> RunAsync(CliContext context, IBerthClient client, string source, CopyPath destination, bool archiveMode, bool followLink, CancellationToken cancellationToken)
    {
        var container = destination.Container!;
        var destinationPath = destination.Path;
        var stat = await TryStatAsync(client, container, destinationPath, cancellationToken).ConfigureAwait(false);
        if (stat is { IsSymlink: true })
        {
            // Copy into what the link points at, as docker does.
            destinationPath = stat.LinkTarget.StartsWith('/') ? stat.LinkTarget : CopyPath.Join(CopyPath.SplitDirEntry(destinationPath).Directory, stat.LinkTarget);
            stat = await TryStatAsync(client, container, destinationPath, cancellationToken).ConfigureAwait(false);
        }
        if (source == "-")
        {
            if (stat is not { IsDirectory: true }) throw new CliUsageException($"destination \"{container}:{destination.Path}\" must be a directory");
            var stdin = new CountingStream(context.OpenStdin());
            await client.Containers.PutArchiveAsync(container, destinationPath, stdin, noOverwriteDirNonDir: true, archiveMode, cancellationToken).ConfigureAwait(false);
            return stdin.BytesRead;
        }
        var local = Path.GetFullPath(source);
        var sourceBase = CopyPath.SplitDirEntry(source).Base;
        var resolved = followLink ? ResolveLink(local) : local;
        var sourceIsDir = Directory.Exists(resolved) && (followLink || new FileInfo(resolved).LinkTarget is null);
        if (!sourceIsDir && !File.Exists(resolved) && new FileInfo(resolved).LinkTarget is null)
            throw new CliUsageException($"lstat {local}: no such file or directory");
        var (destinationDir, destinationBase) = CopyPath.SplitDirEntry(destinationPath);
        string putInto;
        string name;
        if (stat is { IsDirectory: true })
        {
            putInto = destinationPath;
            name = sourceBase;
        }
        else if (stat is not null && sourceIsDir)
        {
            throw new CliUsageException("cannot copy directory");
        }
        else if (stat is null && !sourceIsDir && CopyPath.AssertsDirectory(destinationPath))
        {
            throw new CliUsageException("no such directory");
        }
        else
        {
            putInto = destinationDir;
            name = destinationBase;
        }
        var pipe = new System.IO.Pipelines.Pipe();
        var writer = WriteTarAsync(resolved, name, pipe.Writer, cancellationToken);
        var tar = new CountingStream(pipe.Reader.AsStream());
        try
        {
            await client.Containers.PutArchiveAsync(container, putInto, tar, noOverwriteDirNonDir: true, archiveMode, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await pipe.Reader.CompleteAsync().ConfigureAwait(false);
        }
        await writer.ConfigureAwait(false);
        return tar.BytesRead;
    }

    private static async Task WriteTarAsync(string path, string name, System.IO.Pipelines.PipeWriter pipe, CancellationToken cancellationToken)
    {
        await Task.Yield();
        Exception? failure = null;
        try
        {
            var output = pipe.AsStream(leaveOpen: true);
            await using (output.ConfigureAwait(false))
            {
                await DirectoryTarWriter.WritePathAsync(path, name, output, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            failure = e;
        }
        await pipe.CompleteAsync(failure).ConfigureAwait(false);
        if (failure is not null and not InvalidOperationException) throw failure;
    }

    /// <summary>The local path a symlink finally points at (for <c>-L</c>).</summary>
    private static string ResolveLink(string path) =>
        new FileInfo(path).LinkTarget is null ? path : new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;

    private static async Task<Berth.Api.ContainerPathStat?> TryStatAsync(IBerthClient client, string container, string path, CancellationToken cancellationToken)
    {
        try
        {
            return await client.Containers.StatPathAsync(container, path, cancellationToken).ConfigureAwait(false);
        }
        catch (BerthApiException)
        {
            return null; // missing: the PUT names the real problem (no such container, parent missing)
        }
    }
}
