using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Berth.Core;

namespace Berth.Engine.Build.Dockerfile;

/// <summary>
/// Parses Dockerfile text (no I/O): parser directives at the top (<c># syntax=</c>, <c># escape=</c>), comment
/// lines (also inside continuations), line continuations with the escape character, leading
/// <c>--flag=value</c> words, exec (JSON array) versus shell form, and here-documents for RUN, COPY and ADD.
/// Errors read <c>Dockerfile parse error line N: …</c>.
/// </summary>
public static partial class DockerfileParser
{
    public static readonly IReadOnlySet<string> Keywords = new HashSet<string>(StringComparer.Ordinal)
    {
        "FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT", "VOLUME",
        "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL",
    };

    private static readonly IReadOnlySet<string> ExecFormKeywords = new HashSet<string>(StringComparer.Ordinal)
    {
        "RUN", "CMD", "ENTRYPOINT", "SHELL", "COPY", "ADD", "VOLUME",
    };

    private static readonly IReadOnlySet<string> HeredocKeywords = new HashSet<string>(StringComparer.Ordinal) { "RUN", "COPY", "ADD" };

    public static ParsedDockerfile Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length > 0 && lines[0].StartsWith('\uFEFF')) lines[0] = lines[0][1..];
        var directives = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        for (; i < lines.Length; i++)
        {
            var match = DirectivePattern().Match(lines[i]);
            if (!match.Success) break;
            var name = match.Groups[1].Value.ToLowerInvariant();
            if (name is not ("syntax" or "escape" or "check")) break;
            if (!directives.TryAdd(name, match.Groups[2].Value))
                throw Error(i + 1, $"only one {name} parser directive can be used");
        }
        var escape = '\\';
        if (directives.TryGetValue("escape", out var escapeText))
        {
            if (escapeText is not ("`" or "\\")) throw Error(1, $"invalid ESCAPE '{escapeText}'. Must be ` or \\");
            escape = escapeText[0];
        }

        var instructions = new List<DockerfileInstruction>();
        while (i < lines.Length)
        {
            var line = lines[i];
            if (IsBlankOrComment(line))
            {
                i++;
                continue;
            }
            var start = i + 1;
            var joined = new StringBuilder();
            var original = new StringBuilder();
            while (true)
            {
                var current = lines[i++];
                original.Append(current).Append('\n');
                if (!TryStripContinuation(current, escape, out var stripped))
                {
                    joined.Append(current);
                    break;
                }
                joined.Append(stripped);
                // Comment and empty lines inside a continuation are dropped (Docker warns about empty ones).
                while (i < lines.Length && IsBlankOrComment(lines[i])) i++;
                if (i >= lines.Length) break;
            }
            instructions.Add(ParseInstruction(joined.ToString(), start, lines, ref i, original.ToString().TrimEnd('\n')));
        }
        return new ParsedDockerfile(directives, escape, instructions);
    }

    /// <summary>Parses one instruction line (e.g. an ONBUILD trigger), without here-documents.</summary>
    public static DockerfileInstruction ParseLine(string line, int lineNumber)
    {
        var none = Array.Empty<string>();
        var i = 0;
        return ParseInstruction(line, lineNumber, none, ref i, line);
    }

    private static DockerfileInstruction ParseInstruction(string text, int lineNumber, string[] lines, ref int next, string original)
    {
        text = text.TrimStart();
        var split = text.IndexOfAny([' ', '\t']);
        var word = split < 0 ? text : text[..split];
        var keyword = word.ToUpperInvariant();
        if (!Keywords.Contains(keyword)) throw Error(lineNumber, $"unknown instruction: {keyword}");
        var rest = split < 0 ? "" : text[(split + 1)..].Trim();

        var flags = new List<string>();
        while (rest.StartsWith("--", StringComparison.Ordinal) && keyword != "ONBUILD")
        {
            var end = rest.IndexOfAny([' ', '\t']);
            var flag = end < 0 ? rest : rest[..end];
            if (flag == "--") break;
            flags.Add(flag);
            rest = end < 0 ? "" : rest[end..].TrimStart();
        }

        IReadOnlyList<string>? exec = null;
        if (ExecFormKeywords.Contains(keyword) && rest.StartsWith('[')) exec = TryParseJsonArray(rest);

        var heredocs = new List<Heredoc>();
        if (exec is null && HeredocKeywords.Contains(keyword))
        {
            foreach (Match marker in HeredocPattern().Matches(rest))
            {
                var stripTabs = marker.Groups[1].Value == "-";
                var quoted = marker.Groups[2].Value.Length > 0;
                var name = marker.Groups[3].Value;
                var content = new StringBuilder();
                var terminated = false;
                while (next < lines.Length)
                {
                    var line = lines[next++];
                    if (stripTabs) line = line.TrimStart('\t');
                    if (line == name)
                    {
                        terminated = true;
                        break;
                    }
                    content.Append(line).Append('\n');
                }
                if (!terminated) throw Error(lineNumber, $"unterminated heredoc {name}");
                heredocs.Add(new Heredoc(name, content.ToString(), !quoted, stripTabs));
            }
        }

        if (rest.Length == 0 && keyword is not ("CMD" or "ENTRYPOINT" or "RUN" or "SHELL"))
            throw Error(lineNumber, $"{keyword} requires at least one argument");
        return new DockerfileInstruction(keyword, flags, rest, exec, heredocs, lineNumber, original);
    }

    private static List<string>? TryParseJsonArray(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Array) return null;
            var values = new List<string>();
            foreach (var element in document.RootElement.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.String) return null;
                values.Add(element.GetString()!);
            }
            return values;
        }
        catch (JsonException)
        {
            return null; // Docker falls back to the shell form
        }
    }

    private static bool TryStripContinuation(string line, char escape, out string stripped)
    {
        var trimmed = line.TrimEnd(' ', '\t');
        if (trimmed.Length > 0 && trimmed[^1] == escape)
        {
            stripped = trimmed[..^1];
            return true;
        }
        stripped = line;
        return false;
    }

    private static bool IsBlankOrComment(string line)
    {
        var trimmed = line.TrimStart(' ', '\t');
        return trimmed.Length == 0 || trimmed[0] == '#';
    }

    public static BerthException Error(int line, string message) =>
        BerthException.Invalid($"Dockerfile parse error line {line}: {message}");

    [GeneratedRegex(@"^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$")]
    private static partial Regex DirectivePattern();

    [GeneratedRegex(@"<<(-?)([""']?)([A-Za-z_][A-Za-z0-9_]*)\2")]
    private static partial Regex HeredocPattern();
}
