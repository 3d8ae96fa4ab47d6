using System.Globalization;

namespace Berth.Engine.Stats;

/// <summary>
/// Tolerant reads of cgroup and procfs files: a file that is missing (controller not mounted, container gone
/// meanwhile) or unreadable reads as nothing, because stats of a container that just exited are zeros, not errors.
/// </summary>
internal static class CgroupFiles
{
    public static string? ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A file holding one number; null when missing or "max".</summary>
    public static ulong? ReadNumber(string path) => ParseNumber(ReadText(path));

    public static ulong? ParseNumber(string? text)
    {
        if (text is null) return null;
        var trimmed = text.Trim();
        return ulong.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>True when the file says "max" (cgroup v2's and pids.max's "no limit").</summary>
    public static bool IsMax(string path) => ReadText(path)?.Trim() == "max";

    /// <summary>"key value" lines (memory.stat, cpu.stat, cpuacct.stat) in file order.</summary>
    public static Dictionary<string, ulong> ReadKeyValues(string path)
    {
        var values = new Dictionary<string, ulong>(StringComparer.Ordinal);
        var text = ReadText(path);
        if (text is null) return values;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && ulong.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                values[parts[0]] = value;
        }
        return values;
    }

    /// <summary>Whitespace-separated numbers on one line (cpuacct.usage_percpu).</summary>
    public static List<ulong> ReadNumberList(string path)
    {
        var list = new List<ulong>();
        var text = ReadText(path);
        if (text is null) return list;
        foreach (var part in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (ulong.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) list.Add(value);
        }
        return list;
    }

    /// <summary>"MAJOR:MINOR" → numbers; false when the text is not a device number.</summary>
    public static bool TryParseDevice(string text, out ulong major, out ulong minor)
    {
        major = minor = 0;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0
            && ulong.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out major)
            && ulong.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out minor);
    }
}
