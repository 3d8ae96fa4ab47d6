using System.Globalization;
using System.Text.RegularExpressions;
using Berth.Core;

namespace Berth.Registry.Server;

/// <summary>Go-style durations for flags: <c>90s</c>, <c>30m</c>, <c>1h30m</c>, <c>0</c>.</summary>
public static partial class DurationParser
{
    public static TimeSpan Parse(string text)
    {
        if (text == "0") return TimeSpan.Zero;
        var matches = Part().Matches(text);
        if (matches.Count == 0 || string.Concat(matches.Select(m => m.Value)) != text)
            throw BerthException.Invalid($"invalid duration {text} (examples: 90s, 30m, 1h)");
        var total = TimeSpan.Zero;
        foreach (Match m in matches)
        {
            var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            total += m.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(value),
                "s" => TimeSpan.FromSeconds(value),
                "m" => TimeSpan.FromMinutes(value),
                _ => TimeSpan.FromHours(value),
            };
        }
        return total;
    }

    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)")]
    private static partial Regex Part();
}
