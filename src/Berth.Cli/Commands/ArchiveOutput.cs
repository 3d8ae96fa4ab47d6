namespace Berth.Cli.Commands;

/// <summary>
/// Where <c>save</c> and <c>export</c> put a tar: the <c>-o</c> file (written beside it under a temporary
/// name and renamed when complete, so a failure leaves no partial file), or standard output unless that is a
/// terminal (docker's <c>cowardly refusing to save to a terminal</c>).
/// </summary>
internal static class ArchiveOutput
{
    private const int BufferSize = 1 << 20;

    /// <summary>Checks the destination before anything is requested from the daemon.</summary>
    public static void Check(CliContext context, string? output)
    {
        if (string.IsNullOrEmpty(output) && context.IsTerminal(1))
            throw new CliUsageException("cowardly refusing to save to a terminal. Use the -o flag or redirect");
    }

    public static async Task WriteAsync(CliContext context, Stream archive, string? output, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(output))
        {
            await archive.CopyToAsync(context.StdoutStream, BufferSize, cancellationToken).ConfigureAwait(false);
            await context.StdoutStream.FlushAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
        var full = Path.GetFullPath(output);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                await archive.CopyToAsync(file, BufferSize, cancellationToken).ConfigureAwait(false);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temp);
            throw new CliUsageException($"failed to save to {output}: {e.Message}", e);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
