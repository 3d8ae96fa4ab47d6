using System.Text;

namespace Berth.Core.Oci;

/// <summary>
/// ChainIDs (image-spec config.md "Layer ChainID"): ChainID(L0) = DiffID(L0), ChainID(Ln) =
/// sha256(ChainID(Ln-1) + " " + DiffID(Ln)). They name a stack of layers, so equal stacks share snapshots.
/// </summary>
public static class ChainId
{
    /// <summary>The ChainID of every prefix of <paramref name="diffIds"/>, bottom first.</summary>
    public static IReadOnlyList<Digest> Of(IReadOnlyList<Digest> diffIds)
    {
        var chain = new List<Digest>(diffIds.Count);
        foreach (var diffId in diffIds)
            chain.Add(chain.Count == 0 ? diffId : Digest.Compute(Encoding.ASCII.GetBytes($"{chain[^1]} {diffId}")));
        return chain;
    }
}
