using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Berth.Testing;

/// <summary>
/// Runs a command line on a fresh pseudo-terminal, as a user at a terminal would: the program's stdin, stdout
/// and stderr are the pty's slave, which is also its controlling terminal (so resizing sends it SIGWINCH). The
/// test types through the master (<see cref="Send"/>), reads everything shown (<see cref="Output"/>,
/// <see cref="WaitForAsync"/>), and resizes it (<see cref="Resize"/>). Disposing kills what still runs.
/// </summary>
public sealed partial class PtySession : IAsyncDisposable
{
    private const int O_RDWR = 2;
    private const int O_NOCTTY = 0x100;
    private const nuint TIOCSWINSZ = 0x5414;
    private const nuint FIONREAD = 0x541B;

    private readonly Process _process;
    private readonly FileStream _master;
    private readonly StringBuilder _output = new();
    private readonly Task _reader;
    private readonly string _slave;

    private PtySession(Process process, FileStream master, string slave)
    {
        _process = process;
        _slave = slave;
        _master = master;
        _reader = Task.Factory.StartNew(ReadLoop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Everything the program wrote to the terminal so far.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>Starts <paramref name="program"/> (<c>berth</c> is the built CLI) on a new pty of the given size.</summary>
    public static PtySession Start(string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> environment,
        int rows = 24, int columns = 80)
    {
        var fd = PosixOpenPt(O_RDWR | O_NOCTTY);
        if (fd < 0 || GrantPt(fd) != 0 || UnlockPt(fd) != 0) throw new IOException($"cannot open a pty: errno {Marshal.GetLastPInvokeError()}");
        var master = new FileStream(new SafeFileHandle(fd, ownsHandle: true), FileAccess.ReadWrite, bufferSize: 0);
        SetSize(fd, rows, columns);
        var slave = SlaveName(fd);

        // sh opens the slave for stdio; setsid -c starts a session whose controlling terminal is that stdin.
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec setsid -w -c \"$0\" \"$@\" <\"$BERTH_TEST_PTY\" >\"$BERTH_TEST_PTY\" 2>&1");
        start.ArgumentList.Add(program == "berth" ? BuiltBinaries.Cli : program);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        start.Environment["BERTH_TEST_PTY"] = slave;
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + program);
        return new PtySession(process, master, slave);
    }

    /// <summary>Types text (no newline added: send "\r" for Enter, as a terminal does).</summary>
    public void Send(string text) => Send(Encoding.UTF8.GetBytes(text));

    public void Send(byte[] bytes)
    {
        _master.Write(bytes);
        _master.Flush();
    }

    /// <summary>
    /// Waits until the program has read everything typed so far (the slave's input queue is empty): lets a test
    /// type keys one read at a time, as a person does, without sleeping.
    /// </summary>
    public Task WaitForInputReadAsync(TimeSpan? timeout = null) =>
        Poll.UntilAsync(() => PendingInput() == 0, timeout ?? TimeSpan.FromSeconds(10), "the program to read its input");

    private unsafe int PendingInput()
    {
        var fd = Open(_slave, O_RDWR | O_NOCTTY);
        if (fd < 0) return 0;
        try
        {
            int pending;
            return Ioctl(fd, FIONREAD, &pending) == 0 ? pending : 0;
        }
        finally
        {
            _ = Close(fd);
        }
    }

    /// <summary>Changes the terminal's size (the kernel sends SIGWINCH to the program in the foreground).</summary>
    public void Resize(int rows, int columns) => SetSize((int)_master.SafeFileHandle.DangerousGetHandle(), rows, columns);

    /// <summary>Length of the output so far, to wait for text that appears after this point.</summary>
    public int Mark() { lock (_output) return _output.Length; }

    /// <summary>Waits until <paramref name="text"/> appears in the output after <paramref name="since"/>.</summary>
    public Task WaitForAsync(string text, TimeSpan? timeout = null, int since = 0) =>
        Poll.UntilAsync(() => Output is var shown && since <= shown.Length && shown.IndexOf(text, since, StringComparison.Ordinal) >= 0,
            timeout ?? TimeSpan.FromSeconds(30),
            $"'{text}' on the terminal; it shows: {Output[Math.Min(since, Output.Length)..]}");

    /// <summary>Waits for the program to end and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the program on the pty did not exit; it shows: {Output}");
        }
        // What it wrote last may still be in the pty: the reader ends (EIO) once the slave's last holder is gone.
        try { await _reader.WaitAsync(TimeSpan.FromSeconds(5)); }
        catch (TimeoutException) { }
        catch (Exception e) when (e is IOException or ObjectDisposedException) { }
        return _process.ExitCode;
    }

    public bool HasExited => _process.HasExited;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        await _master.DisposeAsync();
        try { await _reader; } catch (Exception e) when (e is IOException or ObjectDisposedException) { }
    }

    private void ReadLoop()
    {
        var buffer = new byte[4096];
        var decoder = Encoding.UTF8.GetDecoder();
        var chars = new char[4096 + 4];
        while (true)
        {
            int n;
            try
            {
                n = _master.Read(buffer);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                return; // EIO once no process holds the slave any more
            }
            if (n <= 0) return;
            var count = decoder.GetChars(buffer, 0, n, chars, 0);
            lock (_output) _output.Append(chars, 0, count);
        }
    }

    private static unsafe void SetSize(int fd, int rows, int columns)
    {
        var size = stackalloc ushort[4];
        size[0] = (ushort)rows;
        size[1] = (ushort)columns;
        size[2] = size[3] = 0;
        if (Ioctl(fd, TIOCSWINSZ, size) != 0) throw new IOException($"TIOCSWINSZ: errno {Marshal.GetLastPInvokeError()}");
    }

    private static unsafe string SlaveName(int fd)
    {
        var name = stackalloc byte[128];
        if (PtsNameR(fd, name, 128) != 0) throw new IOException($"ptsname: errno {Marshal.GetLastPInvokeError()}");
        return Marshal.PtrToStringUTF8((nint)name)!;
    }

    [LibraryImport("libc", EntryPoint = "posix_openpt", SetLastError = true)]
    private static partial int PosixOpenPt(int flags);

    [LibraryImport("libc", EntryPoint = "grantpt", SetLastError = true)]
    private static partial int GrantPt(int fd);

    [LibraryImport("libc", EntryPoint = "unlockpt", SetLastError = true)]
    private static partial int UnlockPt(int fd);

    [LibraryImport("libc", EntryPoint = "ptsname_r", SetLastError = true)]
    private static unsafe partial int PtsNameR(int fd, byte* buffer, nuint length);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static unsafe partial int Ioctl(int fd, nuint request, ushort* argument);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static unsafe partial int Ioctl(int fd, nuint request, int* argument);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
