using Berth.Core.Oci;
using Berth.Core.References;

namespace Berth.Engine.Images;

/// <summary>
/// A new image made on top of <see cref="Parent"/> (null: from scratch) by <c>commit</c> or a build step.
/// <see cref="SnapshotKey"/> names the active snapshot whose own files become the new layer; null makes an
/// empty-layer image (a metadata-only build step). With <see cref="ConsumeSnapshot"/> the snapshot itself
/// becomes the layer (no copy; the caller no longer uses it), else its files are copied (a live container).
/// </summary>
public sealed record ImageCommitRequest(
    ImageRecord? Parent,
    ImageExecutionConfig Config,
    string? SnapshotKey,
    bool ConsumeSnapshot,
    string? CreatedBy,
    string? Comment,
    string? Author,
    IReadOnlyList<ImageReference> References);
