using Berth.Core.Interop;

namespace Berth.Engine.Networking.Dns;

/// <summary>
/// Creates sockets inside another network namespace: a dedicated thread setns(2)'s into the namespace file,
/// runs the factory, and setns's back before it ends. A socket stays in the namespace it was created in, so
/// berthd then serves it from any thread; no other thread of berthd ever changes namespace.
/// </summary>
public static class NetnsSocketFactory
{
    public static Task<T> CreateAsync<T>(string netnsPath, Func<T> create)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                done.SetResult(InNamespace(netnsPath, create));
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = "berth-netns-socket",
        };
        thread.Start();
        return done.Task;
    }

    private static T InNamespace<T>(string netnsPath, Func<T> create)
    {
        var home = Libc.Open("/proc/thread-self/ns/net", Libc.O_RDONLY | Libc.O_CLOEXEC, 0);
        Errno.ThrowIfError(home, "open", "/proc/thread-self/ns/net");
        try
        {
            var target = Libc.Open(netnsPath, Libc.O_RDONLY | Libc.O_CLOEXEC, 0);
            Errno.ThrowIfError(target, "open", netnsPath);
            try
            {
                Errno.ThrowIfError(Libc.SetNamespace(target, Libc.NamespaceTypeNetwork), "setns", netnsPath);
            }
            finally
            {
                Libc.Close(target);
            }
            try
            {
                return create();
            }
            finally
            {
                // Going home is belt and braces: the thread ends right after and is never reused, so a failure here
                // cannot leave other work in the container's namespace (and must not lose the sockets just made).
                _ = Libc.SetNamespace(home, Libc.NamespaceTypeNetwork);
            }
        }
        finally
        {
            Libc.Close(home);
        }
    }
}
