using System.Globalization;

namespace Berth.Daemon.Api.Distribution;

/// <summary>
/// The <c>progress</c> string dockerd puts beside <c>progressDetail</c> (jsonmessage JSONProgress.String at
/// its default width): <c>[=====>      ]  1.23MB/4.56MB</c>; sizes as go-units HumanSize (decimal, 4 digits).
/// </summary>
public static class ProgressText
{
    private const int BarWidth = 50;
    private static readonly string[] Units = ["B", "kB", "MB", "GB", "TB", "PB"];

    public static string Format(long current, long total)
    {
        if (current <= 0 && total <= 0) return "";
        if (total <= 0) return HumanSize(current).PadLeft(8);
        var percentage = Math.Min(BarWidth, (int)(current * 100.0 / total) / 2);
        var bar = $"[{new string('=', percentage)}>{new string(' ', BarWidth - percentage)}] ";
        var numbers = current > total ? HumanSize(current).PadLeft(8) : $"{HumanSize(current),8}/{HumanSize(total)}";
        return bar + numbers;
    }

    public static string HumanSize(double size)
    {
        var unit = 0;
        while (size >= 1000 && unit < Units.Length - 1)
        {
            size /= 1000;
            unit++;
        }
        return size.ToString("G4", CultureInfo.InvariantCulture) + Units[unit];
    }
}
