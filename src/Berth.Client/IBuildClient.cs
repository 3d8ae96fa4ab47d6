using Berth.Api;

namespace Berth.Client;

/// <summary>Making images: <c>commit</c>, <c>diff</c> (what a commit would take) and <c>build</c>.</summary>
public interface IBuildClient
{
    /// <summary><c>POST /commit</c>: returns the new image ID.</summary>
    Task<string> CommitAsync(string container, CommitOptions options, CancellationToken cancellationToken);

    /// <summary><c>GET /containers/{id}/changes</c>.</summary>
    Task<IReadOnlyList<FilesystemChange>> ChangesAsync(string container, CancellationToken cancellationToken);

    /// <summary><c>POST /build/prune</c>.</summary>
    Task<BuildPruneResponse> PruneAsync(CancellationToken cancellationToken);

    /// <summary><c>POST /build</c> with <paramref name="context"/> (a tar) as the body; the progress messages as they come.</summary>
    IAsyncEnumerable<JsonMessage> BuildAsync(Stream context, BuildOptions options, CancellationToken cancellationToken);
}
