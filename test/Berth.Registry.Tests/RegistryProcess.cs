using System.Diagnostics;
using Berth.Testing;

namespace Berth.Registry.Tests;

/// <summary>
/// The published <c>berth-registry</c> binary (BERTH_REGISTRY, else artifacts/dist…) serving a temp root on a free
/// loopback port: <c>berth-registry serve --addr 127.0.0.1:0 --root DIR</c>, whose first stdout line names the address.
/// </summary>
public sealed class RegistryProcess : IAsyncDisposable
{
    private readonly Process _process;

    private RegistryProcess(Process process, string address)
    {
        _process = process;
        Address = address;
    }

    /// <summary><c>http://127.0.0.1:PORT</c>.</summary>
    public string Address { get; }

    /// <summary><c>127.0.0.1:PORT</c>, as image references spell it.</summary>
    public string HostPort => new Uri(Address).Authority;

    public static string Binary => BuiltBinaries.TryFind("BERTH_REGISTRY", "berth-registry", "Berth.Registry.Server")
        ?? throw new FileNotFoundException("berth-registry was not found: run ./test.sh or " +
                                           "`dotnet publish src/Berth.Registry.Server -c Release -r linux-x64 -o artifacts/dist`");

    public static async Task<RegistryProcess> StartAsync(string root, params string[] extra)
    {
        var start = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["serve", "--addr", "127.0.0.1:0", "--root", root, .. extra]) start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                       ?? throw new InvalidOperationException("berth-registry exited: " + await process.StandardError.ReadToEndAsync(timeout.Token));
            var address = line.Split(' ').Single(w => w.StartsWith("http", StringComparison.Ordinal));
            return new RegistryProcess(process, address);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
