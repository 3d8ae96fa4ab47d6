using Berth.Core;

namespace Berth.Engine.Distribution;

/// <summary>
/// The distribution-spec operations berthd needs against any OCI registry (pull: resolve, fetch; push: stat,
/// mount, upload, put manifest; login; catalog). Authentication challenges are answered inside; errors are
/// <see cref="RegistryResponseException"/>s (Unauthorized, NotFound, …) or Unavailable when unreachable.
/// </summary>
public interface IRegistryClient
{
    /// <summary>
    /// <c>GET /v2/</c> with the credentials: succeeds when the registry accepts them (or needs none); a Bearer
    /// challenge is answered by fetching a token with them. Throws Unauthorized when refused.
    /// </summary>
    Task CheckCredentialsAsync(RegistryEndpoint endpoint, RegistryCredentials? credentials, CancellationToken cancellationToken);

    /// <summary>Whether anything speaking HTTP answers <c>GET /v2/</c> at the endpoint (any status), to pick https or http.</summary>
    Task<bool> ProbeAsync(RegistryEndpoint endpoint, CancellationToken cancellationToken);

    /// <summary>Fetches a manifest or index by tag or digest, accepting OCI and Docker schema2 types; verifies its digest.</summary>
    Task<RegistryManifest> GetManifestAsync(RegistryRepository repository, string reference, CancellationToken cancellationToken);

    /// <summary>Opens a blob from <paramref name="offset"/> (HTTP Range when &gt; 0).</summary>
    Task<RegistryBlob> OpenBlobAsync(RegistryRepository repository, Digest digest, long offset, CancellationToken cancellationToken);

    /// <summary>HEAD of a blob: its size, or null when the repository does not have it.</summary>
    Task<long?> StatBlobAsync(RegistryRepository repository, Digest digest, CancellationToken cancellationToken);

    /// <summary>
    /// Puts a blob: mounted from <paramref name="mountFrom"/> when the registry allows (returns true), otherwise
    /// uploaded from <paramref name="open"/>, in one PUT when small, else in PATCH chunks. <paramref name="progress"/>
    /// gets the bytes sent so far.
    /// </summary>
    Task<bool> PutBlobAsync(RegistryRepository repository, Digest digest, long size, Func<CancellationToken, Task<Stream>> open,
        string? mountFrom, Action<long>? progress, CancellationToken cancellationToken);

    /// <summary>PUT of a manifest under a tag or digest, byte-exact; returns its digest.</summary>
    Task<Digest> PutManifestAsync(RegistryRepository repository, string reference, string mediaType, ReadOnlyMemory<byte> manifest, CancellationToken cancellationToken);

    /// <summary><c>GET /v2/_catalog</c>, following <c>Link</c> pages until <paramref name="max"/> names.</summary>
    Task<IReadOnlyList<string>> CatalogAsync(RegistryEndpoint endpoint, RegistryCredentials? credentials, int max, CancellationToken cancellationToken);
}
