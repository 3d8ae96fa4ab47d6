namespace Berth.Engine.Images;

/// <summary>
/// One layer of a stored image: its DiffID, the ChainID naming its snapshot, its content size, and the digest
/// of its blob in the content store when that differs from the DiffID (a compressed, pulled or loaded layer).
/// </summary>
public sealed record StoredLayer(string DiffId, string ChainId, long Size, string? Blob = null)
{
    /// <summary>The content-store blob that holds this layer.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string BlobDigest => Blob ?? DiffId;
}
