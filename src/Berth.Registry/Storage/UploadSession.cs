using Berth.Core.Content;

namespace Berth.Registry.Storage;

/// <summary>
/// An upload in progress: its id, repository and (while this process serves it) the open ingest writer.
/// Requests on one session are serialized by <see cref="Gate"/>.
/// </summary>
public sealed class UploadSession
{
    public UploadSession(string id, string repository)
    {
        Id = id;
        Repository = repository;
    }

    public string Id { get; }

    public string Repository { get; }

    /// <summary>The content store ingest holding the bytes so far.</summary>
    public string IngestReference => IngestReferenceOf(Id);

    public static string IngestReferenceOf(string id) => IngestPrefix + id;

    /// <summary>What every upload ingest's reference starts with.</summary>
    public const string IngestPrefix = "upload-";

    /// <summary>Set (under <see cref="Gate"/>) when the session was cancelled, completed or expired: it takes no more requests.</summary>
    internal bool Closed { get; set; }

    public SemaphoreSlim Gate { get; } = new(1, 1);

    internal IContentWriter? Writer { get; set; }

    public long Offset => Writer?.Offset ?? 0;
}
