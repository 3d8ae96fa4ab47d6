namespace Berth.Client;

/// <summary>Query parameters of <c>GET /events</c>.</summary>
public sealed record EventsOptions
{
    /// <summary>Unix timestamp (<c>seconds[.nanoseconds]</c>), as the docker CLI sends it.</summary>
    public string? Since { get; init; }

    /// <summary>Unix timestamp; without it the stream stays open for new events.</summary>
    public string? Until { get; init; }

    /// <summary>Filter name → values (<c>type</c>, <c>container</c>, <c>image</c>, <c>event</c>, <c>label</c> …).</summary>
    public IReadOnlyDictionary<string, List<string>>? Filters { get; init; }
}
