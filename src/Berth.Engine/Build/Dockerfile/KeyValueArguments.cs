using System.Text;
using Berth.Core;

namespace Berth.Engine.Build.Dockerfile;

/// <summary>
/// The <c>key=value …</c> arguments of ENV, LABEL and ARG (or the legacy <c>ENV key value with spaces</c>), each
/// value expanded with <see cref="ShellWords"/> (quotes removed). ARG may name a key without a value.
/// </summary>
public static class KeyValueArguments
{
    public static List<(string Key, string? Value)> Parse(string keyword, string arguments, Func<string, string?> lookup, char escape, bool allowBare = false)
    {
        var words = SplitKeepingQuotes(arguments, escape);
        if (words.Count == 0) throw BerthException.Invalid($"{keyword} requires at least one argument");
        var result = new List<(string, string?)>();
        if (!allowBare && !words[0].Contains('=', StringComparison.Ordinal))
        {
            // Legacy form: one pair, the value is the rest of the line.
            var key = words[0];
            var rest = arguments.TrimStart()[key.Length..].Trim();
            if (rest.Length == 0) throw BerthException.Invalid($"{keyword} names can not be blank");
            result.Add((ShellWords.Expand(key, lookup, escape), ShellWords.Expand(rest, lookup, escape)));
            return result;
        }
        foreach (var word in words)
        {
            var eq = word.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                if (!allowBare) throw BerthException.Invalid($"Syntax error - can't find = in \"{word}\". Must be of the form: name=value");
                result.Add((word, null));
                continue;
            }
            if (eq == 0) throw BerthException.Invalid($"{keyword} names can not be blank");
            result.Add((ShellWords.Expand(word[..eq], lookup, escape), ShellWords.Expand(word[(eq + 1)..], lookup, escape)));
        }
        return result;
    }

    /// <summary>Splits on unquoted blanks; quotes and escapes stay for the expansion to process.</summary>
    public static List<string> SplitKeepingQuotes(string text, char escape)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote == '\0' && c is ' ' or '\t' or '\n')
            {
                if (current.Length > 0) words.Add(current.ToString());
                current.Clear();
                continue;
            }
            current.Append(c);
            if (c == escape && quote != '\'' && i + 1 < text.Length) current.Append(text[++i]);
            else if (quote == '\0' && c is '"' or '\'') quote = c;
            else if (c == quote) quote = '\0';
        }
        if (current.Length > 0) words.Add(current.ToString());
        return words;
    }
}
