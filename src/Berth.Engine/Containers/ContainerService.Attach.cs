using Berth.Core;
using Berth.Runtime.Shim;

namespace Berth.Engine.Containers;

public sealed partial class ContainerService
{
    private readonly AttachRendezvous _attaches = new();

    /// <summary>Registers an attach to a container that is not running yet; its start releases it (see <see cref="AttachRendezvous"/>).</summary>
    public AttachRendezvous.Registration RegisterAttachBeforeStart(string id) => _attaches.Register(id);

    /// <summary>
    /// Opens an attach stream on the container's shim (output frames in, stdin out); null when no shim runs
    /// (the container is not running). Works for containers started by an earlier daemon: the shim owns the stdio.
    /// </summary>
    public async Task<ShimStream?> OpenAttachStreamAsync(string id, bool stdin, CancellationToken cancellationToken)
    {
        var client = new ShimClient(ShimPaths.Socket(_paths.StateDir(id)));
        try
        {
            var (response, stream) = await client.OpenStreamAsync(new ShimRequest { Op = ShimRequest.Attach, Stdin = stdin }, cancellationToken).ConfigureAwait(false);
            return response.Ok ? stream : null;
        }
        catch (ShimUnavailableException)
        {
            return null;
        }
    }

    /// <summary>
    /// <c>POST /containers/{id}/resize</c>: sets the TTY's rows and columns (a container without a TTY accepts
    /// and ignores it, as Docker). NotFound for a missing container, Conflict when it is not running.
    /// </summary>
    public async Task ResizeAsync(string idOrName, int height, int width, CancellationToken cancellationToken)
    {
        var record = Get(idOrName);
        if (!record.State.IsRunning) throw BerthException.Conflict($"Container {record.Id} is not running");
        if (record.Config.Tty != true) return;
        ShimResponse response;
        try
        {
            response = await new ShimClient(ShimPaths.Socket(_paths.StateDir(record.Id)))
                .CallAsync(new ShimRequest { Op = ShimRequest.Resize, Height = height, Width = width }, cancellationToken).ConfigureAwait(false);
        }
        catch (ShimUnavailableException)
        {
            throw BerthException.Conflict($"Container {record.Id} is not running");
        }
        if (!response.Ok) throw new BerthException(ErrorKind.Internal, $"resize {record.Id}: {response.Error}");
    }

    /// <summary>HostConfig.ConsoleSize ([height, width]) for a TTY container, when both are nonzero (as dockerd puts it in the spec).</summary>
    private static (int Height, int Width)? InitialConsoleSize(ContainerRecord record) =>
        record.Config.Tty == true && record.HostConfig.ConsoleSize is [> 0 and var height, > 0 and var width]
            ? (height, width)
            : null;
}
