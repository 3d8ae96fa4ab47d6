using System.Text;
using Berth.Core;
using Berth.Core.Content;
using Berth.Core.Storage;

namespace Berth.Registry.Storage;

/// <summary>
/// The registry on disk. Blobs (layers, configs and manifests' bytes) live once in the shared content store
/// (<c>&lt;root&gt;/content</c>, verified before visible); each repository is a directory of small link files,
/// each written with <see cref="AtomicFile"/>:
/// <code>
/// repositories/&lt;name&gt;/_layers/sha256/&lt;hex&gt;                 a blob linked into the repository (mtime: when)
/// repositories/&lt;name&gt;/_manifests/revisions/sha256/&lt;hex&gt;    a manifest of the repository (its media type, subject)
/// repositories/&lt;name&gt;/_manifests/tags/&lt;tag&gt;               the digest a tag points at
/// repositories/&lt;name&gt;/_referrers/sha256/&lt;subject&gt;/&lt;d&gt;   the descriptor of a manifest whose subject is &lt;subject&gt;
/// repositories/&lt;name&gt;/_uploads/&lt;uuid&gt;                     an upload session (its bytes: content/ingest)
/// </code>
/// Repository name components never start with <c>_</c>, so these directories cannot clash with nested names.
/// </summary>
public sealed partial class RegistryStore
{
    public RegistryStore(string root, TimeProvider time)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
        Content = new FileContentStore(Root, time);
        RepositoriesRoot = Path.Combine(Root, "repositories");
        Directory.CreateDirectory(RepositoriesRoot);
        Time = time;
    }

    public string Root { get; }

    public FileContentStore Content { get; }

    public string RepositoriesRoot { get; }

    public TimeProvider Time { get; }

    /// <summary>A repository's directory; the name must have passed <see cref="RepositoryName.Validate"/>.</summary>
    public string RepositoryDirectory(string name)
    {
        if (!RepositoryName.IsValid(name)) throw BerthException.Invalid($"invalid repository name {name}");
        return Path.Combine(RepositoriesRoot, name);
    }

    public bool RepositoryExists(string name)
    {
        var dir = RepositoryDirectory(name);
        return Directory.Exists(Path.Combine(dir, "_manifests")) || Directory.Exists(Path.Combine(dir, "_layers"));
    }

    /// <summary>Every repository holding manifests or blobs, in ordinal order.</summary>
    public IReadOnlyList<string> ListRepositories()
    {
        var result = new List<string>();
        Walk(RepositoriesRoot, "");
        result.Sort(StringComparer.Ordinal);
        return result;

        void Walk(string dir, string prefix)
        {
            foreach (var child in Directory.EnumerateDirectories(dir))
            {
                var name = Path.GetFileName(child);
                if (name.StartsWith('_')) continue;
                var full = prefix.Length == 0 ? name : prefix + "/" + name;
                if (Directory.Exists(Path.Combine(child, "_manifests")) || Directory.Exists(Path.Combine(child, "_layers"))) result.Add(full);
                Walk(child, full);
            }
        }
    }

    private static string DigestPath(string dir, Digest digest) => Path.Combine(dir, digest.Algorithm, digest.Encoded);

    private string LayerLink(string name, Digest digest) => DigestPath(Path.Combine(RepositoryDirectory(name), "_layers"), digest);

    /// <summary>The blob's info when it is linked into <paramref name="name"/> (as a blob or a manifest) and present; null otherwise.</summary>
    public async Task<ContentInfo?> LinkedBlobAsync(string name, Digest digest, CancellationToken cancellationToken)
    {
        if (!File.Exists(LayerLink(name, digest)) && !File.Exists(RevisionLink(name, digest))) return null;
        try
        {
            return await Content.InfoAsync(digest, cancellationToken).ConfigureAwait(false);
        }
        catch (BerthException e) when (e.Kind == ErrorKind.NotFound)
        {
            return null;
        }
    }

    /// <summary>Links a present blob into a repository; rewriting an existing link refreshes its time (gc's grace).</summary>
    public Task LinkBlobAsync(string name, Digest digest, CancellationToken cancellationToken) =>
        AtomicFile.WriteAllBytesAsync(LayerLink(name, digest), Encoding.UTF8.GetBytes(digest.ToString()), cancellationToken);

    public bool UnlinkBlob(string name, Digest digest)
    {
        var link = LayerLink(name, digest);
        if (!File.Exists(link)) return false;
        File.Delete(link);
        return true;
    }

    /// <summary>The blobs linked into a repository and when each was linked.</summary>
    public IEnumerable<(Digest Digest, DateTimeOffset LinkedAt)> ListBlobLinks(string name) =>
        ListDigestFiles(Path.Combine(RepositoryDirectory(name), "_layers"));

    private static IEnumerable<(Digest, DateTimeOffset)> ListDigestFiles(string dir)
    {
        if (!Directory.Exists(dir)) yield break;
        foreach (var algorithmDir in Directory.EnumerateDirectories(dir))
        {
            var algorithm = Path.GetFileName(algorithmDir);
            foreach (var file in new DirectoryInfo(algorithmDir).EnumerateFiles())
            {
                if (file.Name.StartsWith('.')) continue;
                if (Digest.TryParse(algorithm + ":" + file.Name, out var digest)) yield return (digest, file.LastWriteTimeUtc);
            }
        }
    }
}
