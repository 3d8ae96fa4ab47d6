namespace Berth.Core.Archive;

/// <summary>Docker's change kinds (swagger FilesystemChange.Kind): 0 modified, 1 added, 2 deleted.</summary>
public enum FileChangeKind
{
    Modified = 0,
    Added = 1,
    Deleted = 2,
}
