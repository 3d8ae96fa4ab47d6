using System.Text;

namespace Berth.Cli.Commands.Containers;

/// <summary>
/// Redraws the live <c>stats</c> table in place with ANSI escapes: the first frame clears the screen, each frame
/// moves the cursor home, ends every line by erasing its rest and erases below the table (rows that went away).
/// </summary>
public static class StatsScreen
{
    private const string ClearScreen = "\u001b[2J";
    private const string CursorHome = "\u001b[H";
    private const string EraseLineRest = "\u001b[K";
    private const string EraseBelow = "\u001b[J";

    public static string Frame(string table, bool first)
    {
        var frame = new StringBuilder();
        if (first) frame.Append(ClearScreen);
        frame.Append(CursorHome);
        foreach (var line in table.Split('\n').SkipLast(table.EndsWith('\n') ? 1 : 0))
        {
            frame.Append(line).Append(EraseLineRest).Append('\n');
        }
        frame.Append(EraseBelow);
        return frame.ToString();
    }
}
