using System.Globalization;
using Berth.Core;
using Berth.Engine.Containers;
using Berth.Engine.Events;

namespace Berth.Daemon.Api.Events;

/// <summary>
/// <c>since</c>/<c>until</c> of <c>/events</c> as Unix nanoseconds. The docker CLI sends <c>seconds.nanoseconds</c>
/// (read exactly, the fraction as a decimal fraction like dockerd's timetypes.ParseTimestamps); RFC 3339 times and Go
/// durations back from now (<c>10m</c>) are accepted too, through the shared <see cref="TimeFilter"/>.
/// </summary>
public static class EventTimeParameter
{
    public static long? Parse(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(value)) return null;
        var dot = value.IndexOf('.', StringComparison.Ordinal);
        var secondsText = dot < 0 ? value : value[..dot];
        var fraction = dot < 0 ? "" : value[(dot + 1)..];
        if (long.TryParse(secondsText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds)
            && (dot < 0 || (fraction.Length is > 0 and <= 9 && fraction.All(char.IsAsciiDigit))))
        {
            var nanos = fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(9, '0'), CultureInfo.InvariantCulture);
            try
            {
                return checked(seconds * 1_000_000_000L + (seconds < 0 ? -nanos : nanos));
            }
            catch (OverflowException)
            {
                throw BerthException.Invalid($"invalid timestamp \"{value}\"");
            }
        }
        return EventRecord.ToUnixNano(TimeFilter.Parse(value, now));
    }
}
