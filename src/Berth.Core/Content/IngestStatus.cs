namespace Berth.Core.Content;

/// <summary>An unfinished write: its reference, bytes so far and when it started and was last written.</summary>
public sealed record IngestStatus(string Reference, long Offset, DateTimeOffset StartedAt, DateTimeOffset UpdatedAt);
