using System.Diagnostics;
using System.Text;

namespace Berth.Testing;

/// <summary>Removes a test daemon's bridges (<c>berth0</c>-style and <c>br-…</c>) and the iptables rules that name them.</summary>
public static class NetworkCleanup
{
    public static async Task RemoveBridgeAsync(string bridge)
    {
        if (Directory.Exists($"/sys/class/net/{bridge}")) await RunAsync("ip", ["link", "del", bridge], null);
        await DeleteRulesAsync(bridge);
    }

    /// <summary>Deletes every iptables rule (filter and nat) that mentions <paramref name="text"/>.</summary>
    public static async Task DeleteRulesAsync(string text)
    {
        var batch = new StringBuilder();
        foreach (var table in new[] { "filter", "nat" })
        {
            var rules = (await RunAsync("iptables-save", ["-t", table], null)).Split('\n')
                .Where(l => l.StartsWith("-A ", StringComparison.Ordinal) && l.Contains(text, StringComparison.Ordinal)).ToList();
            if (rules.Count == 0) continue;
            batch.Append('*').Append(table).Append('\n');
            foreach (var rule in rules) batch.Append("-D ").Append(rule.AsSpan(3)).Append('\n');
            batch.Append("COMMIT\n");
        }
        if (batch.Length > 0) await RunAsync("iptables-restore", ["-w", "--noflush"], batch.ToString());
    }

    /// <summary>Unmounts the bind-mounted network namespaces left in a directory (containers whose shims were killed).</summary>
    public static void UnmountNamespaces(string directory)
    {
        if (!Directory.Exists(directory)) return;
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            using var umount = Process.Start("umount", ["-l", file]);
            umount.WaitForExit();
        }
    }

    /// <summary>The lines of <c>iptables-save</c> for both tables (for leak checks).</summary>
    public static async Task<string> IptablesAsync() =>
        await RunAsync("iptables-save", ["-t", "filter"], null) + await RunAsync("iptables-save", ["-t", "nat"], null);

    private static async Task<string> RunAsync(string program, string[] arguments, string? input)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        if (input is not null) await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return await output;
    }
}
