using Berth.Core;

namespace Berth.Engine.Images;

/// <summary>
/// How far the extraction of one layer blob is: <see cref="Current"/> of <see cref="Total"/> blob bytes read;
/// <see cref="Done"/> once its snapshot is committed.
/// </summary>
public sealed record LayerUnpackProgress(Digest Blob, long Current, long Total, bool Done);
