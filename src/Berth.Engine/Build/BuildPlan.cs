using Berth.Core;
using Berth.Engine.Build.Dockerfile;

namespace Berth.Engine.Build;

/// <summary>
/// The stages of a Dockerfile (each FROM and its instructions), the ARGs declared before the first FROM (which
/// only FROM lines may use), the target stage, and the stages it needs (through <c>FROM stage</c> and
/// <c>COPY --from=stage</c>), so the others are not built.
/// </summary>
internal sealed class BuildPlan
{
    public required IReadOnlyList<Stage> Stages { get; init; }
    public required int TargetIndex { get; init; }
    public required IReadOnlySet<int> Needed { get; init; }
    public required int TotalSteps { get; init; }

    /// <summary>A stage: its FROM's base name and <c>--platform</c> (global ARGs expanded) and its instructions.</summary>
    public sealed record Stage(int Index, string? Name, string BaseName, string? Platform, DockerfileInstruction From, List<DockerfileInstruction> Instructions);

    public static BuildPlan From(ParsedDockerfile dockerfile, BuildRequest request)
    {
        var globalArgs = new Dictionary<string, string?>(StringComparer.Ordinal);
        var stages = new List<Stage>();
        foreach (var instruction in dockerfile.Instructions)
        {
            if (instruction.Keyword == "FROM")
            {
                var words = ShellWords.ExpandWords(instruction.Arguments, n => globalArgs.GetValueOrDefault(n), dockerfile.EscapeToken);
                if (words.Count is not (1 or 3) || (words.Count == 3 && !words[1].Equals("AS", StringComparison.OrdinalIgnoreCase)))
                    throw DockerfileParser.Error(instruction.Line, "FROM requires either one or three arguments");
                if (words[0].Length == 0) throw DockerfileParser.Error(instruction.Line, "base name (" + instruction.Arguments + ") should not be blank");
                var name = words.Count == 3 ? words[2].ToLowerInvariant() : null;
                if (name is not null && stages.Any(s => s.Name == name))
                    throw DockerfileParser.Error(instruction.Line, $"duplicate name {name}");
                var platform = instruction.Flag("platform") is { } p ? ShellWords.Expand(p, n => globalArgs.GetValueOrDefault(n), dockerfile.EscapeToken) : null;
                stages.Add(new Stage(stages.Count, name, words[0], string.IsNullOrEmpty(platform) ? null : platform, instruction, []));
            }
            else if (stages.Count == 0)
            {
                if (instruction.Keyword != "ARG")
                    throw DockerfileParser.Error(instruction.Line, $"{instruction.Keyword} instruction found before FROM: no build stage in current context");
                foreach (var (key, value) in KeyValueArguments.Parse("ARG", instruction.Arguments, n => globalArgs.GetValueOrDefault(n), dockerfile.EscapeToken, allowBare: true))
                    globalArgs[key] = request.BuildArgs.TryGetValue(key, out var given) && given is not null ? given : value;
            }
            else
            {
                stages[^1].Instructions.Add(instruction);
            }
        }
        if (stages.Count == 0) throw BerthException.Invalid("the Dockerfile (" + request.Dockerfile + ") cannot be empty");

        var target = stages.Count - 1;
        if (!string.IsNullOrEmpty(request.Target))
        {
            target = stages.FindIndex(s => string.Equals(s.Name, request.Target, StringComparison.OrdinalIgnoreCase));
            if (target < 0) throw BerthException.Invalid($"failed to reach build target {request.Target} in Dockerfile");
        }

        var plan = new BuildPlan { Stages = stages, TargetIndex = target, Needed = new HashSet<int>(), TotalSteps = 0 };
        var needed = new HashSet<int>();
        var pending = new Stack<int>([target]);
        while (pending.TryPop(out var index))
        {
            if (!needed.Add(index)) continue;
            var stage = stages[index];
            if (plan.FindStage(stage.BaseName, index) is { } parent) pending.Push(parent.Index);
            foreach (var instruction in stage.Instructions)
            {
                if (instruction.Keyword is "COPY" or "ADD" && instruction.Flag("from") is { } from && plan.FindStage(from, index) is { } source)
                    pending.Push(source.Index);
            }
        }
        return new BuildPlan
        {
            Stages = stages,
            TargetIndex = target,
            Needed = needed,
            TotalSteps = needed.Sum(i => stages[i].Instructions.Count + 1),
        };
    }

    /// <summary>An earlier stage named <paramref name="nameOrIndex"/> (by name or number), or null.</summary>
    public Stage? FindStage(string nameOrIndex, int before)
    {
        var lower = nameOrIndex.ToLowerInvariant();
        foreach (var stage in Stages)
        {
            if (stage.Index >= before) break;
            if (stage.Name == lower || stage.Index.ToString(System.Globalization.CultureInfo.InvariantCulture) == nameOrIndex) return stage;
        }
        return null;
    }
}
