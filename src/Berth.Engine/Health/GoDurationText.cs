using System.Globalization;
using System.Text;

namespace Berth.Engine.Health;

/// <summary>Go's <c>time.Duration.String()</c> (<c>30s</c>, <c>1m0s</c>, <c>1.5s</c>, <c>500ms</c>, <c>1ms</c>), as dockerd prints durations in messages.</summary>
public static class GoDurationText
{
    public static string Format(TimeSpan duration)
    {
        var ns = duration.Ticks * 100;
        if (ns == 0) return "0s";
        var sign = ns < 0 ? "-" : "";
        var abs = ns < 0 ? -(decimal)ns : ns;
        if (abs < 1_000) return $"{sign}{abs.ToString(CultureInfo.InvariantCulture)}ns";
        if (abs < 1_000_000) return $"{sign}{Trim(abs / 1_000m)}µs";
        if (abs < 1_000_000_000) return $"{sign}{Trim(abs / 1_000_000m)}ms";

        var text = new StringBuilder(sign);
        var hours = decimal.Floor(abs / 3_600_000_000_000m);
        var rest = abs - hours * 3_600_000_000_000m;
        var minutes = decimal.Floor(rest / 60_000_000_000m);
        var seconds = (rest - minutes * 60_000_000_000m) / 1_000_000_000m;
        if (hours > 0) text.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        if (hours > 0 || minutes > 0) text.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        text.Append(Trim(seconds)).Append('s');
        return text.ToString();
    }

    private static string Trim(decimal value) => value.ToString("0.#########", CultureInfo.InvariantCulture);
}
