using System.Runtime.InteropServices;
using System.Text;

namespace Berth.Core.Interop;

/// <summary>File system type checks and private temporary directories (berth-shim keeps per-exec scratch files in memory).</summary>
public static partial class Libc
{
    private const long TMPFS_MAGIC = 0x01021994;

    [LibraryImport(Lib, EntryPoint = "statfs", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int StatFs(string path, byte* buffer);

    [LibraryImport(Lib, EntryPoint = "mkdtemp", SetLastError = true)]
    private static unsafe partial byte* MkdTemp(byte* template);

    /// <summary>True when <paramref name="path"/> is on a tmpfs (false when it is not, or cannot be checked).</summary>
    public static unsafe bool IsOnTmpfs(string path)
    {
        // struct statfs (x86-64 and arm64: 120 bytes) starts with the file system type as a long.
        var buffer = stackalloc byte[256];
        return StatFs(path, buffer) == 0 && *(long*)buffer == TMPFS_MAGIC;
    }

    /// <summary>
    /// mkdtemp(3): creates a new directory, mode 0700, named <paramref name="prefix"/> plus six random characters;
    /// returns its path.
    /// </summary>
    public static unsafe string MakePrivateTempDir(string prefix)
    {
        var template = Encoding.UTF8.GetBytes(prefix + "XXXXXX\0");
        fixed (byte* p = template)
        {
            if (MkdTemp(p) == null) throw Errno.Exception("mkdtemp", prefix);
        }
        return Encoding.UTF8.GetString(template, 0, template.Length - 1);
    }
}
