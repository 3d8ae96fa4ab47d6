using System.Globalization;

namespace Berth.Runtime.Shim;

/// <summary>
/// berth-shim's command line, built by the daemon and parsed by the shim:
/// <c>berth-shim --id ID --bundle DIR --state-dir DIR --log FILE --runc PATH --runc-root DIR
/// --log-max-size N --log-max-files N [--open-stdin] [--stdin-once] [--tty] [--console-size HxW] [--attachers N]</c>.
/// </summary>
/// <param name="StdinOnce">Close the container's stdin when an attached client's stdin ends (Docker's StdinOnce; pipes only).</param>
/// <param name="ConsoleHeight">Initial rows of the terminal (0: leave the kernel's default).</param>
/// <param name="Attachers">Attaches to wait for before output is read (clients that attached before start), bounded by a timeout.</param>
public sealed record ShimArguments(
    string ContainerId,
    string BundleDir,
    string StateDir,
    string LogPath,
    string RuncPath,
    string RuncRoot,
    long LogMaxSizeBytes,
    int LogMaxFiles,
    bool OpenStdin,
    bool Tty,
    bool StdinOnce = false,
    int ConsoleHeight = 0,
    int ConsoleWidth = 0,
    int Attachers = 0)
{
    public IReadOnlyList<string> ToArgs()
    {
        var args = new List<string>
        {
            "--id", ContainerId, "--bundle", BundleDir, "--state-dir", StateDir, "--log", LogPath,
            "--runc", RuncPath, "--runc-root", RuncRoot,
            "--log-max-size", LogMaxSizeBytes.ToString(CultureInfo.InvariantCulture),
            "--log-max-files", LogMaxFiles.ToString(CultureInfo.InvariantCulture),
        };
        if (OpenStdin) args.Add("--open-stdin");
        if (Tty) args.Add("--tty");
        if (StdinOnce) args.Add("--stdin-once");
        if (ConsoleHeight > 0 && ConsoleWidth > 0)
            args.AddRange(["--console-size", string.Create(CultureInfo.InvariantCulture, $"{ConsoleHeight}x{ConsoleWidth}")]);
        if (Attachers > 0) args.AddRange(["--attachers", Attachers.ToString(CultureInfo.InvariantCulture)]);
        return args;
    }

    /// <summary>Parses the shim's argv; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static ShimArguments Parse(IReadOnlyList<string> args)
    {
        string? id = null, bundle = null, state = null, log = null, runc = null, root = null;
        long maxSize = 0;
        int maxFiles = 1;
        bool stdin = false, tty = false, stdinOnce = false;
        int height = 0, width = 0, attachers = 0;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--id": id = Value(args, ref i); break;
                case "--bundle": bundle = Value(args, ref i); break;
                case "--state-dir": state = Value(args, ref i); break;
                case "--log": log = Value(args, ref i); break;
                case "--runc": runc = Value(args, ref i); break;
                case "--runc-root": root = Value(args, ref i); break;
                case "--log-max-size": maxSize = long.Parse(Value(args, ref i), CultureInfo.InvariantCulture); break;
                case "--log-max-files": maxFiles = int.Parse(Value(args, ref i), CultureInfo.InvariantCulture); break;
                case "--open-stdin": stdin = true; break;
                case "--tty": tty = true; break;
                case "--stdin-once": stdinOnce = true; break;
                case "--console-size": (height, width) = ParseSize(Value(args, ref i)); break;
                case "--attachers": attachers = int.Parse(Value(args, ref i), CultureInfo.InvariantCulture); break;
                default: throw new FormatException($"unknown argument {args[i]}");
            }
        }
        return new ShimArguments(
            id ?? throw Missing("--id"), bundle ?? throw Missing("--bundle"), state ?? throw Missing("--state-dir"),
            log ?? throw Missing("--log"), runc ?? "runc", root ?? throw Missing("--runc-root"),
            maxSize, maxFiles, stdin, tty, stdinOnce, height, width, attachers);
    }

    private static (int Height, int Width) ParseSize(string text)
    {
        var parts = text.Split('x');
        if (parts.Length != 2) throw new FormatException($"--console-size {text}: want HEIGHTxWIDTH");
        return (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    private static string Value(IReadOnlyList<string> args, ref int i) =>
        ++i < args.Count ? args[i] : throw new FormatException($"{args[i - 1]} needs a value");

    private static FormatException Missing(string name) => new($"{name} is required");
}
