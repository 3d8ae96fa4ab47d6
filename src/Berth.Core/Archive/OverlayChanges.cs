using Berth.Core.Interop;

namespace Berth.Core.Archive;

/// <summary>
/// The changes an overlayfs upper directory makes to its lower directories (<c>docker diff</c>): a whiteout
/// (0/0 character device) is a deletion; a path present in a lower directory is a modification, else an
/// addition. Children of an opaque directory are additions. Sorted by path.
/// </summary>
public static class OverlayChanges
{
    public static IReadOnlyList<FileChange> Compute(string upper, IReadOnlyList<string> lowers)
    {
        var changes = new List<FileChange>();
        Walk(upper, "", lowers, opaque: false, changes);
        changes.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return changes;
    }

    private static void Walk(string directory, string relative, IReadOnlyList<string> lowers, bool opaque, List<FileChange> changes)
    {
        foreach (var path in Directory.GetFileSystemEntries(directory))
        {
            var name = Path.GetFileName(path);
            var entry = relative + "/" + name;
            if (Libc.LstatOrNull(path) is not { } st) continue;
            if (st.FileType == Libc.S_IFCHR && st.RdevMajor == 0 && st.RdevMinor == 0)
            {
                changes.Add(new FileChange(entry, FileChangeKind.Deleted));
                continue;
            }
            var inLower = !opaque && lowers.Any(l => Libc.LstatOrNull(l + entry) is not null);
            changes.Add(new FileChange(entry, inLower ? FileChangeKind.Modified : FileChangeKind.Added));
            if (st.FileType == Libc.S_IFDIR)
                Walk(path, entry, lowers, opaque || !inLower || LayerWriter.IsOpaque(path), changes);
        }
    }
}
