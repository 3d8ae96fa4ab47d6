using System.CommandLine;
using System.Formats.Tar;
using Berth.Client;

namespace Berth.Cli.Commands.Build;

/// <summary>
/// <c>berth build [-t TAG]… [-f FILE] [--build-arg K[=V]]… [--target S] [--no-cache] [-q] [--label K=V]… PATH|-</c>:
/// sends PATH as a tar (or a tar from stdin) to <c>POST /build</c> and prints the progress.
/// </summary>
internal sealed class BuildCommand : Command
{
    private readonly Option<string[]> _tag = new("--tag", "-t") { Description = "Name and optionally a tag in the \"name:tag\" format" };
    private readonly Option<string?> _file = new("--file", "-f") { Description = "Name of the Dockerfile (Default is \"PATH/Dockerfile\")" };
    private readonly Option<string[]> _buildArg = new("--build-arg") { Description = "Set build-time variables" };
    private readonly Option<string?> _target = new("--target") { Description = "Set the target build stage to build." };
    private readonly Option<bool> _noCache = new("--no-cache") { Description = "Do not use cache when building the image" };
    private readonly Option<bool> _quiet = new("--quiet", "-q") { Description = "Suppress the build output and print image ID on success" };
    private readonly Option<string[]> _label = new("--label") { Description = "Set metadata for an image" };
    private readonly Option<bool> _rm = new("--rm") { Description = "Remove intermediate containers after a successful build", DefaultValueFactory = _ => true };
    private readonly Option<bool> _forceRm = new("--force-rm") { Description = "Always remove intermediate containers" };
    private readonly Argument<string> _path = new("PATH|-");

    public BuildCommand(CliContext context, string name = "build") : base(name, "Build an image from a Dockerfile")
    {
        foreach (var option in (Option[])[_tag, _file, _buildArg, _target, _noCache, _quiet, _label, _rm, _forceRm]) Add(option);
        Add(_path);
        SetAction((parseResult, ct) => CommandExecution.RunAsync(context, parseResult, async (client, token) =>
        {
            var path = parseResult.GetValue(_path)!;
            var dockerfile = parseResult.GetValue(_file);
            var buildArgs = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var arg in parseResult.GetValue(_buildArg) ?? [])
            {
                var eq = arg.IndexOf('=', StringComparison.Ordinal);
                // docker: "--build-arg NAME" takes the value from the environment, and is left out when unset.
                if (eq >= 0) buildArgs[arg[..eq]] = arg[(eq + 1)..];
                else if (context.Environment(arg) is { } value) buildArgs[arg] = value;
            }
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var label in parseResult.GetValue(_label) ?? [])
            {
                var eq = label.IndexOf('=', StringComparison.Ordinal);
                labels[eq < 0 ? label : label[..eq]] = eq < 0 ? "" : label[(eq + 1)..];
            }

            Stream body;
            if (path == "-")
            {
                body = context.OpenStdin();
            }
            else
            {
                if (!Directory.Exists(path)) throw new CliUsageException($"unable to prepare context: path \"{path}\" not found");
                (body, dockerfile) = await PackContextAsync(path, dockerfile, token).ConfigureAwait(false);
            }
            var quiet = parseResult.GetValue(_quiet);
            var options = new BuildOptions
            {
                Tags = parseResult.GetValue(_tag) ?? [],
                Dockerfile = dockerfile,
                BuildArgs = buildArgs,
                Labels = labels,
                Target = parseResult.GetValue(_target),
                NoCache = parseResult.GetValue(_noCache),
                Quiet = quiet,
                Remove = parseResult.GetValue(_rm),
                ForceRemove = parseResult.GetValue(_forceRm),
            };
            await using (body.ConfigureAwait(false))
            {
                await foreach (var message in client.Build.BuildAsync(body, options, token).ConfigureAwait(false))
                {
                    if (!string.IsNullOrEmpty(message.Error) || message.ErrorDetail is not null)
                    {
                        await context.Err.WriteLineAsync(message.ErrorDetail?.Message ?? message.Error).ConfigureAwait(false);
                        return 1;
                    }
                    if (!string.IsNullOrEmpty(message.Stream)) await context.Out.WriteAsync(message.Stream).ConfigureAwait(false);
                }
            }
            return 0;
        }, ct));
    }

    /// <summary>
    /// The directory as a tar in memory (the daemon applies <c>.dockerignore</c>). A Dockerfile outside the
    /// directory is added under a generated name, as the docker CLI does.
    /// </summary>
    private static async Task<(Stream Body, string? Dockerfile)> PackContextAsync(string directory, string? dockerfile, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(directory);
        var entries = Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Order(StringComparer.Ordinal).ToList();
        // Sized up front (contents plus a PAX header's 1.5 KiB per entry): a growing MemoryStream would copy a large
        // context several times over.
        long capacity = 1 << 16;
        foreach (var entry in entries) capacity += 1536 + (File.Exists(entry) ? new FileInfo(entry).Length : 0);
        var buffer = new MemoryStream((int)Math.Min(capacity, Array.MaxLength));
        var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            foreach (var entry in entries)
            {
                var name = Path.GetRelativePath(root, entry);
                await writer.WriteEntryAsync(entry, name, cancellationToken).ConfigureAwait(false);
            }
            if (dockerfile is not null)
            {
                var full = Path.GetFullPath(dockerfile);
                if (full.StartsWith(root + "/", StringComparison.Ordinal))
                {
                    dockerfile = Path.GetRelativePath(root, full);
                }
                else
                {
                    dockerfile = $".dockerfile.{Guid.NewGuid():N}"[..22];
                    await writer.WriteEntryAsync(full, dockerfile, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        buffer.Position = 0;
        return (buffer, dockerfile);
    }
}
