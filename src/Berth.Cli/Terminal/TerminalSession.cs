namespace Berth.Cli.Terminal;

/// <summary>
/// Raw mode on the CLI's terminal while attached with a TTY, as the docker CLI does: keys go to the container
/// unprocessed (ctrl-c is byte 3, no local echo). <see cref="EnterRaw"/> returns null when stdin is not a
/// terminal; <see cref="Dispose"/> restores the saved state once (also run at process exit, so an exception
/// or a signal that ends the CLI still leaves the terminal usable).
/// </summary>
public sealed class TerminalSession : IDisposable
{
    private readonly int _fd;
    private readonly byte[] _saved;
    private int _restored;

    private TerminalSession(int fd, byte[] saved)
    {
        _fd = fd;
        _saved = saved;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>True when <paramref name="fd"/> (0 stdin, 1 stdout) is a terminal.</summary>
    public static bool IsTerminal(int fd) => TerminalNative.IsATty(fd) == 1;

    /// <summary>Puts the terminal on <paramref name="fd"/> into raw mode; null when it is not a terminal.</summary>
    public static TerminalSession? EnterRaw(int fd = 0)
    {
        if (!IsTerminal(fd) || TerminalNative.GetAttributes(fd) is not { } saved) return null;
        if (!TerminalNative.SetAttributes(fd, TerminalNative.MakeRaw(saved))) return null;
        return new TerminalSession(fd, saved);
    }

    /// <summary>Rows and columns of the terminal on <paramref name="fd"/> (stdout by default), or null.</summary>
    public static (int Height, int Width)? Size(int fd = 1) =>
        TerminalNative.GetWindowSize(fd) is { Height: > 0, Width: > 0 } size ? size : null;

    /// <summary>
    /// The terminal's input as plain reads of the descriptor. Console.OpenStandardInput would line-edit and echo
    /// a terminal's input itself (and switch the keypad mode), which raw mode must not do.
    /// </summary>
    public Stream OpenInput() => OpenDescriptorInput(_fd);

    /// <summary>Reads of descriptor <paramref name="fd"/> as they are (the kernel's line discipline, not .NET's, edits a cooked terminal's lines).</summary>
    public static Stream OpenDescriptorInput(int fd = 0) =>
        new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(fd, ownsHandle: false), FileAccess.Read, bufferSize: 0);

    /// <summary>
    /// Standard output as plain writes of descriptor 1. Writing through .NET's console stream to a terminal makes
    /// the runtime switch the terminal to keypad-transmit mode (arrow keys would then reach the container as
    /// ESC O A rather than ESC [ A); docker leaves the mode alone, and so does this.
    /// </summary>
    public static Stream OpenOutput(int fd = 1) =>
        new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(fd, ownsHandle: false), FileAccess.Write, bufferSize: 0);

    /// <summary>Restores the terminal (idempotent).</summary>
    public void Restore()
    {
        if (Interlocked.Exchange(ref _restored, 1) != 0) return;
        TerminalNative.SetAttributes(_fd, _saved);
    }

    public void Dispose()
    {
        Restore();
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
    }

    private void OnProcessExit(object? sender, EventArgs e) => Restore();
}
