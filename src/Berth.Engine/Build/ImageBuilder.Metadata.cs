using Berth.Core;
using Berth.Core.Oci;
using Berth.Engine.Build.Dockerfile;
using Berth.Engine.Images;

namespace Berth.Engine.Build;

public sealed partial class ImageBuilder
{
    /// <summary>
    /// Instructions that only change the config: an empty-layer image with the history entry
    /// <c>/bin/sh -c #(nop)  KEYWORD …</c>, as Docker's classic builder records them.
    /// </summary>
    private async Task MetadataAsync(BuildRun run, BuildStage stage, DockerfileInstruction instruction, CancellationToken cancellationToken)
    {
        var config = stage.Config;
        var escape = run.Escape;
        var args = instruction.Arguments;
        string Expand(string word) => ShellWords.Expand(word, stage.Lookup, escape);
        switch (instruction.Keyword)
        {
            case "ENV":
                foreach (var (key, value) in KeyValueArguments.Parse("ENV", args, stage.Lookup, escape))
                {
                    var env = config.Env ??= [];
                    var entry = $"{key}={value}";
                    var index = env.FindIndex(e => e.StartsWith(key + "=", StringComparison.Ordinal));
                    if (index >= 0) env[index] = entry;
                    else env.Add(entry);
                }
                break;
            case "LABEL":
                config.Labels ??= [];
                foreach (var (key, value) in KeyValueArguments.Parse("LABEL", args, stage.Lookup, escape)) config.Labels[key] = value ?? "";
                break;
            case "ARG":
                DeclareArgs(run, stage, instruction);
                break;
            case "MAINTAINER":
                break; // recorded as the config's author below
            case "EXPOSE":
                ChangeInstructions.Apply(config, ["EXPOSE " + string.Join(' ', ShellWords.ExpandWords(args, stage.Lookup, escape))]);
                break;
            case "VOLUME":
                config.Volumes ??= [];
                foreach (var volume in instruction.ExecForm ?? ShellWords.ExpandWords(args, stage.Lookup, escape))
                {
                    if (volume.Trim().Length == 0) throw BerthException.Invalid("VOLUME specified can not be an empty string");
                    config.Volumes[volume] = new EmptyObject();
                }
                break;
            case "USER":
                config.User = Expand(args);
                break;
            case "WORKDIR":
            {
                var dir = Expand(args);
                config.WorkingDir = dir.StartsWith('/') ? dir : Path.Combine(config.WorkingDir is { Length: > 0 } w ? w : "/", dir);
                break;
            }
            case "CMD":
                config.Cmd = CommandOf(config, instruction);
                stage.CmdSet = true;
                break;
            case "ENTRYPOINT":
                config.Entrypoint = instruction.ExecForm is null && args.Length == 0 ? null : CommandOf(config, instruction);
                // Dockerfile reference: an ENTRYPOINT resets a CMD inherited from the base image.
                if (!stage.CmdSet) config.Cmd = null;
                break;
            case "STOPSIGNAL":
                config.StopSignal = Expand(args);
                break;
            case "HEALTHCHECK":
                ChangeInstructions.Apply(config, [$"HEALTHCHECK {Display(instruction)}"]);
                break;
            case "SHELL":
                config.Shell = instruction.ExecForm?.ToList()
                               ?? throw DockerfileParser.Error(instruction.Line, "SHELL requires the arguments to be in JSON form");
                break;
            case "ONBUILD":
            {
                var trigger = DockerfileParser.ParseLine(args, instruction.Line);
                if (trigger.Keyword is "ONBUILD" or "FROM" or "MAINTAINER")
                    throw DockerfileParser.Error(instruction.Line, $"{trigger.Keyword} isn't allowed as an ONBUILD trigger");
                (config.OnBuild ??= []).Add(args);
                break;
            }
            default:
                throw DockerfileParser.Error(instruction.Line, $"unknown instruction: {instruction.Keyword}");
        }

        var createdBy = $"/bin/sh -c #(nop)  {instruction.Keyword} {Display(instruction)}";
        var author = instruction.Keyword == "MAINTAINER" ? Expand(args) : stage.Image?.Config.Author;
        var argValues = string.Join('\0', stage.Args.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"));
        var cacheKey = BuildCache.Key(stage.ParentKey, createdBy, ConfigJson(config), author ?? "", argValues);
        await CachedStepAsync(run, stage, cacheKey, () => images.CommitImageAsync(
            new ImageCommitRequest(stage.Image, config, null, false, createdBy, null, author, []), cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Exec form as is; shell form through the stage's SHELL (default <c>/bin/sh -c</c>).</summary>
    private static List<string> CommandOf(ImageExecutionConfig config, DockerfileInstruction instruction) =>
        instruction.ExecForm?.ToList() ?? [.. Shell(config), instruction.Arguments];

    private static List<string> Shell(ImageExecutionConfig config) => config.Shell is { Count: > 0 } shell ? shell : ["/bin/sh", "-c"];
}
