using System.Globalization;
using System.Text;
using Berth.Api;

namespace Berth.Cli.Commands.Daemon;

/// <summary>
/// The docker CLI's default line for an event:
/// <c>2024-01-01T00:00:00.000000000Z container start ID (image=busybox, name=x)</c>, the time in the local zone
/// with nanoseconds (Go's RFC3339NanoFixed) and the attributes sorted by key.
/// </summary>
public static class EventLine
{
    public static string Format(EventMessage message, TimeZoneInfo zone)
    {
        var line = new StringBuilder();
        if (message.TimeNano != 0 || message.Time != 0)
        {
            long seconds = message.Time, nanos = 0;
            if (message.TimeNano != 0) seconds = Math.DivRem(message.TimeNano, 1_000_000_000L, out nanos);
            if (nanos < 0)
            {
                seconds--;
                nanos += 1_000_000_000L;
            }
            line.Append(FormatTime(seconds, nanos, zone)).Append(' ');
        }
        line.Append(message.Type).Append(' ').Append(message.Action).Append(' ').Append(message.Actor?.Id);
        if (message.Actor?.Attributes is { Count: > 0 } attributes)
        {
            line.Append(" (")
                .AppendJoin(", ", attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key + "=" + a.Value))
                .Append(')');
        }
        return line.ToString();
    }

    /// <summary>Go's <c>2006-01-02T15:04:05.000000000Z07:00</c>.</summary>
    private static string FormatTime(long seconds, long nanos, TimeZoneInfo zone)
    {
        var utc = DateTimeOffset.FromUnixTimeSeconds(seconds);
        var local = TimeZoneInfo.ConvertTime(utc, zone);
        var offset = local.Offset == TimeSpan.Zero
            ? "Z"
            : (local.Offset < TimeSpan.Zero ? "-" : "+") + local.Offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
        return local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
               + "." + nanos.ToString("000000000", CultureInfo.InvariantCulture) + offset;
    }
}
