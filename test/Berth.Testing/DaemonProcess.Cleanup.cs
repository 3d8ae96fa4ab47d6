using System.Globalization;

namespace Berth.Testing;

public sealed partial class DaemonProcess
{
    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            KillShims();
            DeleteRuncContainers();
            await NetworkCleanup.RemoveBridgeAsync(BridgeName);
            await NetworkCleanup.DeleteRulesAsync(BridgeIp[..(BridgeIp.LastIndexOf('.') + 1)]); // DNAT rules of killed containers
            NetworkCleanup.UnmountNamespaces(Path.Combine(ExecRoot, "netns"));
            _process?.Dispose();
            _root.Dispose();
        }
    }

    /// <summary>SIGKILLs every berth-shim whose command line mentions this daemon's exec root.</summary>
    private void KillShims()
    {
        foreach (var pid in ShimPids())
        {
            try
            {
                using var shim = System.Diagnostics.Process.GetProcessById(pid);
                shim.Kill();
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
            catch (InvalidOperationException)
            {
                // Exited while we looked.
            }
        }
    }

    /// <summary>PIDs of the berth-shim processes that belong to this daemon's exec root.</summary>
    public IReadOnlyList<int> ShimPids()
    {
        var pids = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                continue;
            string commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }
            if (commandLine.Contains("berth-shim", StringComparison.Ordinal) &&
                (commandLine.Contains(ExecRoot, StringComparison.Ordinal) || WorksBelow(directory, ExecRoot)))
                pids.Add(pid);
        }
        return pids;
    }

    private static bool WorksBelow(string procDirectory, string root)
    {
        try
        {
            var cwd = new FileInfo(Path.Combine(procDirectory, "cwd")).LinkTarget;
            return cwd is not null && (cwd == root || cwd.StartsWith(root + "/", StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary><c>runc delete --force</c> for every container left in runc's state under the exec root.</summary>
    private void DeleteRuncContainers()
    {
        var runcRoot = Path.Combine(ExecRoot, "runc");
        if (!Directory.Exists(runcRoot)) return;
        foreach (var id in Directory.EnumerateDirectories(runcRoot).Select(Path.GetFileName))
        {
            if (!string.IsNullOrEmpty(id)) ProcessRunner.RunQuiet("runc", ["--root", runcRoot, "delete", "--force", id]);
        }
    }
}
