using Berth.Core.Interop;

namespace Berth.Engine.Networking;

/// <summary>
/// Runs work inside a network namespace without forking: a dedicated thread enters the namespace (or creates
/// one), does the work (netlink sockets it opens belong to that namespace) and ends there: it never runs
/// anything else. A namespace is a per-thread attribute, so no other thread of berthd is affected.
/// </summary>
public static class NetworkNamespaceThread
{
    private const string ThreadNamespace = "/proc/thread-self/ns/net";

    /// <summary>Creates a new network namespace, bind-mounts it on <paramref name="path"/> (an existing file) and runs <paramref name="work"/> in it.</summary>
    public static Task CreateAsync(string path, Action work) => RunAsync(() =>
    {
        Errno.ThrowIfError(Libc.Unshare(Libc.CLONE_NEWNET), "unshare", "CLONE_NEWNET");
        Errno.ThrowIfError(Libc.Mount(ThreadNamespace, path, null, Libc.MS_BIND, null), "mount --bind", path);
        work();
        return true;
    });

    /// <summary>Runs <paramref name="work"/> inside the namespace bind-mounted at <paramref name="path"/>.</summary>
    public static Task EnterAsync(string path, Action work) => EnterAsync(path, () =>
    {
        work();
        return true;
    });

    /// <summary>
    /// Runs <paramref name="work"/> inside the namespace at <paramref name="path"/> and returns what it made:
    /// sockets made there stay in that namespace, and berthd serves them from any thread afterwards.
    /// </summary>
    public static Task<T> EnterAsync<T>(string path, Func<T> work) => RunAsync(() =>
    {
        var target = Libc.Open(path, Libc.O_RDONLY | Libc.O_CLOEXEC, 0);
        Errno.ThrowIfError(target, "open", path);
        try
        {
            Errno.ThrowIfError(Libc.Setns(target, Libc.CLONE_NEWNET), "setns", path);
        }
        finally
        {
            _ = Libc.Close(target);
        }
        return work();
    });

    private static Task<T> RunAsync<T>(Func<T> inNamespace)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        // The thread ends right after the work and takes its namespace with it: no setns back to the daemon's
        // namespace (1–7 ms on a loaded host), and no thread of berthd is ever left in a container's namespace.
        var thread = new Thread(() =>
        {
            try
            {
                done.SetResult(inNamespace());
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        }) { IsBackground = true, Name = "berth-netns" };
        thread.Start();
        return done.Task;
    }
}
