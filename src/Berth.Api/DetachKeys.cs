namespace Berth.Api;

/// <summary>
/// The detach key sequence of an attach (<c>detachKeys</c> query, <c>--detach-keys</c>): comma-separated items,
/// each a single character standing for its byte, <c>ctrl-@</c>, <c>ctrl-a</c>…<c>ctrl-z</c>, <c>ctrl-[</c>,
/// <c>ctrl-\</c>, <c>ctrl-]</c>, <c>ctrl-^</c>, <c>ctrl-_</c> (bytes 0–31), or <c>DEL</c> (127). Case-sensitive,
/// as Docker's parser. The default is ctrl-p,ctrl-q.
/// </summary>
public static class DetachKeys
{
    public const string DefaultSpec = "ctrl-p,ctrl-q";

    public static IReadOnlyList<byte> Default { get; } = [16, 17];

    /// <summary>The bytes of a spec; <see cref="FormatException"/> with Docker's text (<c>Unknown character: 'x'</c>) otherwise.</summary>
    public static byte[] Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var bytes = new List<byte>();
        foreach (var item in spec.Split(','))
        {
            if (item.Length == 1 && item[0] < 128)
            {
                bytes.Add((byte)item[0]);
            }
            else if (ControlByte(item) is { } control)
            {
                bytes.Add(control);
            }
            else
            {
                throw new FormatException($"Unknown character: '{item}'");
            }
        }
        return [.. bytes];
    }

    /// <summary>Like <see cref="Parse"/>, false instead of an exception.</summary>
    public static bool TryParse(string spec, out byte[] keys, out string? error)
    {
        try
        {
            keys = Parse(spec);
            error = null;
            return true;
        }
        catch (FormatException e)
        {
            keys = [];
            error = e.Message;
            return false;
        }
    }

    private static byte? ControlByte(string item)
    {
        if (item == "DEL") return 127;
        if (item.Length != 6 || !item.StartsWith("ctrl-", StringComparison.Ordinal)) return null;
        var c = item[5];
        return c switch
        {
            '@' => 0,
            >= 'a' and <= 'z' => (byte)(c - 'a' + 1),
            '[' => 27,
            '\\' => 28,
            ']' => 29,
            '^' => 30,
            '_' => 31,
            _ => null,
        };
    }
}
