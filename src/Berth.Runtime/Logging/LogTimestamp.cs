using System.Globalization;

namespace Berth.Runtime.Logging;

/// <summary>RFC 3339 timestamps with trailing zeros of the fraction removed, as Go's RFC3339Nano prints them.</summary>
public static class LogTimestamp
{
    public static string Format(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        var text = utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture).TrimEnd('0');
        if (text[^1] == '.') text = text[..^1];
        return text + "Z";
    }

    /// <summary>Parses RFC 3339 with up to 9 fraction digits (digits past .NET's 100 ns are dropped).</summary>
    public static bool TryParse(string text, out DateTimeOffset time)
    {
        if (TryParseUtc(text, out time)) return true;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            var end = dot + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end])) end++;
            if (end - dot - 1 > 7) text = string.Concat(text.AsSpan(0, dot + 8), text.AsSpan(end));
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
    }

    /// <summary>
    /// The shape the json-file writer produces, <c>yyyy-MM-ddTHH:mm:ss[.f…]Z</c>, parsed by hand: the general
    /// parser costs more than the rest of reading a log line. False for any other shape.
    /// </summary>
    private static bool TryParseUtc(string text, out DateTimeOffset time)
    {
        time = default;
        var s = text.AsSpan();
        if (s.Length < 20 || s[^1] != 'Z' || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':') return false;
        if (!Digits(s[..4], out var year) || !Digits(s.Slice(5, 2), out var month) || !Digits(s.Slice(8, 2), out var day)
            || !Digits(s.Slice(11, 2), out var hour) || !Digits(s.Slice(14, 2), out var minute) || !Digits(s.Slice(17, 2), out var second))
            return false;
        long ticks = 0;
        if (s.Length > 20)
        {
            if (s[19] != '.') return false;
            var fraction = s[20..^1];
            if (fraction.Length is 0 or > 9) return false;
            var digits = fraction.Length > 7 ? fraction[..7] : fraction;
            if (!Digits(digits, out var value)) return false;
            for (var i = digits.Length; i < 7; i++) value *= 10;
            if (fraction.Length > 7 && !Digits(fraction[7..], out _)) return false;
            ticks = value;
        }
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return false;
        time = new DateTimeOffset(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(ticks));
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> span, out int value)
    {
        value = 0;
        if (span.IsEmpty) return false;
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
