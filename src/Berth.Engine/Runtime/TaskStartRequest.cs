namespace Berth.Engine.Runtime;

/// <summary>
/// What the daemon hands the runtime to start a container: an OCI bundle already written (config.json and a
/// mounted rootfs in <paramref name="BundleDir"/>).
/// </summary>
/// <param name="StateDir">Per-container directory under the exec root for the shim's socket, pid and exit files.</param>
/// <param name="LogPath">json-file log the shim appends to.</param>
/// <param name="StdinOnce">Close the container's stdin when an attached client's stdin ends.</param>
/// <param name="ConsoleSize">Initial terminal size (rows, columns) with a TTY, from HostConfig.ConsoleSize.</param>
/// <param name="Attachers">Attaches made before start that the shim waits for before it reads output.</param>
public sealed record TaskStartRequest(
    string ContainerId,
    string BundleDir,
    string StateDir,
    string LogPath,
    bool OpenStdin,
    bool Tty,
    LogRotation Rotation,
    bool StdinOnce = false,
    (int Height, int Width)? ConsoleSize = null,
    int Attachers = 0);

/// <summary>json-file rotation: rotate at <paramref name="MaxSizeBytes"/>, keep <paramref name="MaxFiles"/> files.</summary>
public sealed record LogRotation(long MaxSizeBytes, int MaxFiles)
{
    public static LogRotation Default { get; } = new(10 * 1024 * 1024, 3);
}
