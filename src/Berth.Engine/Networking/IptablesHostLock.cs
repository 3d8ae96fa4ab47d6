using Berth.Core.Storage;

namespace Berth.Engine.Networking;

/// <summary>
/// The host-wide lock around berth's iptables read-modify-write steps (save → decide → restore), so two berthd
/// processes on one host (tests run several) never both declare — and so flush — a shared chain.
/// </summary>
public static class IptablesHostLock
{
    public const string DefaultPath = "/run/berth-iptables.lock";

    public static Task<FileLock> AcquireAsync(CancellationToken cancellationToken, string path = DefaultPath) =>
        FileLock.ExclusiveAsync(path, cancellationToken);
}
