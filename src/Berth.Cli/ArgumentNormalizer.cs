using System.CommandLine;
using Berth.Cli.Commands.Containers;

namespace Berth.Cli;

/// <summary>
/// Rewrites argv so System.CommandLine parses it the way docker's CLI does: for <c>run</c>/<c>create</c>, options
/// end at IMAGE (a <c>--</c> is inserted after it), so <c>berth run busybox ls -l</c> passes <c>-l</c> to the container.
/// </summary>
internal static class ArgumentNormalizer
{
    public static string[] Normalize(Command root, IReadOnlyList<string> args)
    {
        Command current = root;
        var inherited = new List<Option>(root.Options.Where(o => o.Recursive));
        var i = 0;
        while (i < args.Count)
        {
            var token = args[i];
            if (token == "--")
            {
                break;
            }

            if (token.Length > 1 && token[0] == '-')
            {
                i += OptionTokenCount(current, inherited, token, i + 1 < args.Count);
                continue;
            }

            var sub = current.Subcommands.FirstOrDefault(c => c.Name == token || c.Aliases.Contains(token));
            if (sub is not null)
            {
                inherited.AddRange(current.Options.Where(o => o.Recursive));
                current = sub;
                i++;
                continue;
            }

            if (current is IStopsAtFirstArgument && i + 1 < args.Count && args[i + 1] != "--")
            {
                return [.. args.Take(i + 1), "--", .. args.Skip(i + 1)];
            }
            i++;
        }
        return [.. args];
    }

    /// <summary>How many tokens an option occupies: 1, or 2 when it takes a separate value.</summary>
    private static int OptionTokenCount(Command command, List<Option> inherited, string token, bool hasNext)
    {
        var candidates = command.Options.Concat(inherited).ToList();
        var name = token.Split('=', 2)[0];
        var option = Find(candidates, name);
        if (option is not null)
        {
            return token.Contains('=', StringComparison.Ordinal) || !TakesValue(option) || !hasNext ? 1 : 2;
        }

        // Bundled short flags (-it, -dit, -e=X is handled above): a value-taking flag eats the rest or the next token.
        if (token[1] != '-')
        {
            for (var c = 1; c < token.Length; c++)
            {
                var flag = Find(candidates, "-" + token[c]);
                if (flag is not null && TakesValue(flag))
                {
                    return c == token.Length - 1 && hasNext ? 2 : 1;
                }
            }
        }
        return 1;
    }

    private static Option? Find(List<Option> options, string name) =>
        options.FirstOrDefault(o => o.Name == name || o.Aliases.Contains(name));

    private static bool TakesValue(Option option) => option.ValueType != typeof(bool) && option.Arity.MaximumNumberOfValues > 0;
}
