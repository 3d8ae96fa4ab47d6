using System.Globalization;
using System.Text;
using Berth.Api;
using Berth.Core;
using Berth.Engine.Build.Dockerfile;
using Berth.Engine.Containers;
using Berth.Engine.Images;
using Berth.Runtime.Logging;

namespace Berth.Engine.Build;

public sealed partial class ImageBuilder
{
    private static readonly JsonFileLogReader LogReader = new(TimeSpan.FromMilliseconds(20));

    /// <summary>
    /// RUN: an intermediate container from the current image with the step's command, env (the stage's ENV plus
    /// its ARG values) and working dir; its output is streamed; on exit 0 its writable layer becomes the new
    /// image's layer. A failure removes the container and makes no image.
    /// </summary>
    private async Task RunAsync(BuildRun run, BuildStage stage, DockerfileInstruction instruction, CancellationToken cancellationToken)
    {
        if (stage.Image is null) throw BerthException.Invalid("The command '" + instruction.Arguments + "' cannot run on an empty (scratch) image");
        var argv = RunCommand(stage, instruction);
        // Docker's history entry for a RUN with build args: "|N A=1 B=2 /bin/sh -c …" (the args are part of the cache key).
        var argValues = stage.Args.Where(a => a.Value is not null).OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}").ToList();
        var command = string.Join(' ', argv);
        var createdBy = argValues.Count == 0 ? command : $"|{argValues.Count.ToString(CultureInfo.InvariantCulture)} {string.Join(' ', argValues)} {command}";
        var key = BuildCache.Key(stage.ParentKey, "RUN", createdBy, ConfigJson(stage.Config));
        await CachedStepAsync(run, stage, key, () => RunContainerAsync(run, stage, argv, argValues, createdBy, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private async Task<ImageRecord> RunContainerAsync(BuildRun run, BuildStage stage, List<string> argv, List<string> argValues, string createdBy, CancellationToken cancellationToken)
    {
        var env = new List<string>(stage.Config.Env ?? []);
        var envKeys = env.Select(e => e.Split('=', 2)[0]).ToHashSet(StringComparer.Ordinal);
        env.AddRange(argValues.Where(a => !envKeys.Contains(a.Split('=', 2)[0])));
        var config = new ContainerConfig
        {
            Image = stage.Image!.Id.ToString(),
            Cmd = argv,
            Entrypoint = [""],
            Env = env,
            WorkingDir = stage.Config.WorkingDir,
            User = stage.Config.User,
            AttachStdout = true,
            AttachStderr = true,
        };
        var container = await containers.CreateAsync(null, config, new HostConfig(), cancellationToken).ConfigureAwait(false);
        var succeeded = false;
        try
        {
            await run.WriteAsync($" ---> Running in {container.Id[..12]}\n", cancellationToken).ConfigureAwait(false);
            var exited = containers.WaitAsync(container.Id, WaitCondition.NextExit, cancellationToken);
            await containers.StartAsync(container.Id, cancellationToken).ConfigureAwait(false);
            var options = new LogReadOptions(Follow: true, StopFollowing: exited);
            await foreach (var entry in LogReader.ReadAsync(paths.LogFile(container.Id), options, cancellationToken).ConfigureAwait(false))
                await run.WriteAsync(entry.Text, cancellationToken).ConfigureAwait(false);
            var state = await exited.ConfigureAwait(false);
            if (state.ExitCode != 0)
                throw new BerthException(ErrorKind.InvalidArgument, $"The command '{string.Join(' ', argv)}' returned a non-zero code: {state.ExitCode.ToString(CultureInfo.InvariantCulture)}");

            // Removed after the step: the container's own layer becomes the image's new layer as it is (no copy).
            // Kept (--rm=false): the layer's files are copied, the container keeps its own.
            var keep = !run.Request.Remove && !run.Request.ForceRemove;
            var image = await images.CommitImageAsync(new ImageCommitRequest(stage.Image, CloneExecution(stage.Config), container.Id, ConsumeSnapshot: !keep,
                createdBy, null, null, []), cancellationToken).ConfigureAwait(false);
            succeeded = true;
            return image;
        }
        finally
        {
            // Docker's classic builder: --rm (default) removes a step's container once the step succeeded,
            // --force-rm always; a failed step's container stays (stopped) unless --force-rm, for inspection.
            var remove = run.Request.ForceRemove || (succeeded && run.Request.Remove);
            if (remove)
            {
                await containers.RemoveAsync(container.Id, force: true, CancellationToken.None).ConfigureAwait(false);
                await run.WriteAsync($" ---> Removed intermediate container {container.Id[..12]}\n", CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The argv of a RUN: exec form as is; shell form through SHELL. Here-documents are passed to the shell
    /// with the command (<c>cat &lt;&lt;EOF &gt; f</c> works as in a shell); a command that is only a
    /// here-document runs it as the script.
    /// </summary>
    private static List<string> RunCommand(BuildStage stage, DockerfileInstruction instruction)
    {
        if (instruction.ExecForm is { } exec) return [.. exec];
        var shell = Shell(stage.Config);
        if (instruction.Heredocs.Count == 0) return [.. shell, instruction.Arguments];
        var heredoc = instruction.Heredocs[0];
        if (instruction.Heredocs.Count == 1 && instruction.Arguments.Trim().TrimStart('<', '-').Trim('"', '\'') == heredoc.Name)
            return [.. shell, heredoc.Content];
        var script = new StringBuilder(instruction.Arguments).Append('\n');
        foreach (var doc in instruction.Heredocs) script.Append(doc.Content).Append(doc.Name).Append('\n');
        return [.. shell, script.ToString()];
    }
}
