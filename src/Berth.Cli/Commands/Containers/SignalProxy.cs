using System.Runtime.InteropServices;
using Berth.Client;

namespace Berth.Cli.Commands.Containers;

/// <summary>Forwards SIGINT/SIGTERM to the container instead of letting them end the CLI (docker's --sig-proxy).</summary>
internal sealed class SignalProxy : IDisposable
{
    private readonly List<PosixSignalRegistration> _registrations = [];

    public static SignalProxy Register(IBerthClient client, string id)
    {
        var proxy = new SignalProxy();
        foreach (var (signal, name) in (ReadOnlySpan<(PosixSignal, string)>)[(PosixSignal.SIGINT, "SIGINT"), (PosixSignal.SIGTERM, "SIGTERM")])
        {
            proxy._registrations.Add(PosixSignalRegistration.Create(signal, ctx =>
            {
                ctx.Cancel = true;
                _ = client.Containers.KillAsync(id, name, CancellationToken.None).ContinueWith(
                    t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }));
        }
        return proxy;
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }
}
