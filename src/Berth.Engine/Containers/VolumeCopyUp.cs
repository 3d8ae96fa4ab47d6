using Berth.Core;
using Berth.Core.Archive;
using Berth.Core.Interop;

namespace Berth.Engine.Containers;

/// <summary>
/// dockerd's copy-up: an empty volume mounted over a directory of the image first receives that directory's
/// content (files, directories, symlinks with their owners and modes). The image path is resolved inside the
/// container root, so a symlink in the image cannot point the copy at the host.
/// </summary>
public static class VolumeCopyUp
{
    /// <summary>Copies <paramref name="destination"/> of the mounted <paramref name="rootfs"/> into <paramref name="volume"/> when the volume is empty.</summary>
    public static void CopyIfEmpty(string rootfs, string destination, string volume)
    {
        if (!Directory.Exists(volume) || Directory.EnumerateFileSystemEntries(volume).Any()) return;
        var components = RootedPath.Clean(destination);
        if (components.Count == 0) return;
        var parent = RootedPath.ResolveParent(rootfs, components, create: false);
        if (parent is null) return;
        var source = Path.Combine(parent, components[^1]);
        if (Libc.LstatOrNull(source) is not { FileType: Libc.S_IFDIR } top) return;
        CopyMetadata(volume, top);
        CopyChildren(source, volume);
    }

    private static void CopyChildren(string from, string to)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(from))
        {
            var target = Path.Combine(to, Path.GetFileName(entry));
            if (Libc.LstatOrNull(entry) is not { } st) continue;
            switch (st.FileType)
            {
                case Libc.S_IFDIR:
                    Directory.CreateDirectory(target);
                    CopyChildren(entry, target);
                    CopyMetadata(target, st);
                    break;
                case Libc.S_IFREG:
                    File.Copy(entry, target);
                    CopyMetadata(target, st);
                    break;
                case Libc.S_IFLNK:
                    File.CreateSymbolicLink(target, new FileInfo(entry).LinkTarget ?? "");
                    Errno.ThrowIfError(Libc.Lchown(target, (int)st.Uid, (int)st.Gid), "lchown", target);
                    break;
                // Devices, fifos and sockets are not copied (dockerd copies them; a layer cannot hold them here).
            }
        }
    }

    private static void CopyMetadata(string path, Libc.FileStatus st)
    {
        Errno.ThrowIfError(Libc.Lchown(path, (int)st.Uid, (int)st.Gid), "lchown", path);
        Errno.ThrowIfError(Libc.Chmod(path, (uint)(st.Mode & 0xfff)), "chmod", path);
    }
}
