using Berth.Core.Storage;

namespace Berth.Registry.Storage;

/// <summary>
/// The registry root's <c>gc.lock</c>: the server holds it shared while it links blobs and writes manifests,
/// the garbage collector exclusively while it marks and sweeps, so a sweep never races a push.
/// </summary>
public static class StoreLock
{
    public static string PathIn(string root) => Path.Combine(root, "gc.lock");

    public static Task<FileLock> SharedAsync(string root, CancellationToken cancellationToken) => FileLock.SharedAsync(PathIn(root), cancellationToken);

    public static Task<FileLock> ExclusiveAsync(string root, CancellationToken cancellationToken) => FileLock.ExclusiveAsync(PathIn(root), cancellationToken);
}
