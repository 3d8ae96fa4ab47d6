namespace Berth.Registry.Storage;

/// <summary>An upload session's marker file (<c>repositories/&lt;name&gt;/_uploads/&lt;id&gt;</c>) and when the session started.</summary>
public sealed record UploadMarker(string Repository, string Id, DateTimeOffset StartedAt)
{
    /// <summary>The content store ingest that holds the session's bytes.</summary>
    public string IngestReference => UploadSession.IngestReferenceOf(Id);
}
