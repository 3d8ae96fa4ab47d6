using Berth.Core.Oci;
using Berth.Engine.Images;

namespace Berth.Engine.Build;

/// <summary>The state of one stage while it is built: its current image and config, its ARGs and name.</summary>
internal sealed class BuildStage(int index, string? name)
{
    public int Index { get; } = index;
    public string? Name { get; } = name;

    /// <summary>The image the next step builds on; null while building on <c>scratch</c> before the first layer.</summary>
    public ImageRecord? Image { get; set; }

    /// <summary>The ID the next step's cache key starts from (<c>scratch</c> for an empty base).</summary>
    public string ParentKey => Image?.Id.ToString() ?? "scratch";

    public ImageExecutionConfig Config { get; set; } = new();

    /// <summary>ARGs declared in this stage with their effective values (build-arg, else default).</summary>
    public Dictionary<string, string?> Args { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether a CMD was set in this stage (an ENTRYPOINT then keeps it).</summary>
    public bool CmdSet { get; set; }

    /// <summary>A variable for expansion: the stage's ENV first (Docker: ENV wins over ARG), then its ARGs.</summary>
    public string? Lookup(string name)
    {
        foreach (var entry in Config.Env ?? [])
        {
            if (entry.Length > name.Length && entry[name.Length] == '=' && entry.StartsWith(name, StringComparison.Ordinal))
                return entry[(name.Length + 1)..];
        }
        return Args.TryGetValue(name, out var value) ? value : null;
    }
}
