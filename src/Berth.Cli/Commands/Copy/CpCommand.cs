using System.CommandLine;
using Berth.Core;

namespace Berth.Cli.Commands.Copy;

/// <summary>
/// <c>berth cp [-a] [-L] [-q] SRC DST</c> (and <c>container cp</c>): copies between a container and the local
/// file system, one side <c>CONTAINER:PATH</c>, the other a local path or <c>-</c> for a tar on stdin/stdout.
/// </summary>
internal sealed class CpCommand : Command
{
    private readonly Option<bool> _archive = new("--archive", "-a") { Description = "Archive mode (copy all uid/gid information)" };
    private readonly Option<bool> _followLink = new("--follow-link", "-L") { Description = "Always follow symbol link in SRC_PATH" };
    private readonly Option<bool> _quiet = new("--quiet", "-q") { Description = "Suppress progress output during copy" };
    private readonly Argument<string> _source = new("SRC_PATH");
    private readonly Argument<string> _destination = new("DEST_PATH");

    public CpCommand(CliContext context) : base("cp", "Copy files/folders between a container and the local filesystem")
    {
        Add(_archive);
        Add(_followLink);
        Add(_quiet);
        Add(_source);
        Add(_destination);
        SetAction((parseResult, ct) => CommandExecution.RunAsync(context, parseResult, async (client, token) =>
        {
            var source = CopyPath.Parse(parseResult.GetValue(_source)!);
            var destination = CopyPath.Parse(parseResult.GetValue(_destination)!);
            if (source.IsContainer && destination.IsContainer) throw new CliUsageException("copying between containers is not supported");
            if (!source.IsContainer && !destination.IsContainer) throw new CliUsageException("must specify at least one container source");
            if (source.Path.Length == 0 || destination.Path.Length == 0) throw new CliUsageException("filepath can not be empty");
            var quiet = parseResult.GetValue(_quiet) || !context.IsTerminal(2);
            try
            {
                long copied;
                string where;
                if (source.IsContainer)
                {
                    copied = await CopyFromContainer.RunAsync(context, client, source, destination.Path, parseResult.GetValue(_followLink), token).ConfigureAwait(false);
                    where = destination.Path;
                }
                else
                {
                    copied = await CopyToContainer.RunAsync(context, client, source.Path, destination, parseResult.GetValue(_archive), parseResult.GetValue(_followLink), token).ConfigureAwait(false);
                    where = $"{destination.Container}:{destination.Path}";
                }
                if (!quiet && where != "-") await context.Err.WriteLineAsync($"Successfully copied {Berth.Cli.Output.HumanUnits.Size(copied, 3)} to {where}").ConfigureAwait(false);
            }
            catch (Exception e) when (e is BerthException or IOException or UnauthorizedAccessException)
            {
                throw new CliUsageException(e.Message);
            }
            return 0;
        }, ct));
    }
}
