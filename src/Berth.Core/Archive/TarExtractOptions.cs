namespace Berth.Core.Archive;

/// <summary>
/// How <see cref="LayerApplier"/> extracts a tar. The defaults apply an image layer; <c>docker cp</c> turns off
/// <see cref="Whiteouts"/> (a <c>.wh.</c> name is an ordinary file there), may force an owner and may refuse to
/// replace a directory by a non-directory or the reverse.
/// </summary>
public sealed record TarExtractOptions
{
    public static readonly TarExtractOptions Layer = new();

    /// <summary><c>.wh.NAME</c> and <c>.wh..wh..opq</c> become overlayfs whiteouts (image layers).</summary>
    public bool Whiteouts { get; init; } = true;

    /// <summary>Every entry gets this owner instead of the tar's (cp without <c>-a</c>: the container's root).</summary>
    public (int Uid, int Gid)? Owner { get; init; }

    /// <summary>Refuse (InvalidArgument) to replace an existing directory with a non-directory or the reverse.</summary>
    public bool NoOverwriteDirNonDir { get; init; }

    /// <summary>
    /// Real directory components, inside the root, that entry names are relative to (the cp destination). Entry
    /// names are cleaned first, so <c>..</c> in a name stops at this directory; symlinks still resolve in the root.
    /// </summary>
    public IReadOnlyList<string> BaseComponents { get; init; } = [];

    /// <summary>
    /// docker's archive rebase: an entry named <c>From</c> or <c>From/…</c> (and a hard link to one) is extracted
    /// as <c>To</c>/<c>To/…</c> (cp to a new name). Other names stay.
    /// </summary>
    public (string From, string To)? RenameTop { get; init; }

    /// <summary>An entry name after <see cref="RenameTop"/>.</summary>
    public string Rename(string name)
    {
        if (RenameTop is not var (from, to)) return name;
        if (name == from || name == from + "/") return to;
        if (name.StartsWith(from + "/", StringComparison.Ordinal)) return to + name[from.Length..];
        return name;
    }
}
