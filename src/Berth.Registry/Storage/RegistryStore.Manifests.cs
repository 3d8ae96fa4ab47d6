using System.Text;
using System.Text.Json;
using Berth.Core;
using Berth.Core.Content;
using Berth.Core.Oci;
using Berth.Core.Storage;
using Berth.Registry.Json;

namespace Berth.Registry.Storage;

public sealed partial class RegistryStore
{
    private string ManifestsDirectory(string name) => Path.Combine(RepositoryDirectory(name), "_manifests");

    private string RevisionLink(string name, Digest digest) => DigestPath(Path.Combine(ManifestsDirectory(name), "revisions"), digest);

    private string TagsDirectory(string name) => Path.Combine(ManifestsDirectory(name), "tags");

    private string ReferrersDirectory(string name, Digest subject) =>
        DigestPath(Path.Combine(RepositoryDirectory(name), "_referrers"), subject);

    /// <summary>The manifest a tag or digest names in a repository, or null.</summary>
    public async Task<StoredManifest?> ResolveManifestAsync(string name, string reference, CancellationToken cancellationToken)
    {
        Digest digest;
        if (!Digest.TryParse(reference, out digest))
        {
            var tagFile = Path.Combine(TagsDirectory(name), reference);
            if (!RepositoryName.IsValidTag(reference) || !File.Exists(tagFile)) return null;
            if (!Digest.TryParse((await File.ReadAllTextAsync(tagFile, cancellationToken).ConfigureAwait(false)).Trim(), out digest)) return null;
        }
        return await ManifestAsync(name, digest, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The revision <paramref name="digest"/> of a repository, or null.</summary>
    public async Task<StoredManifest?> ManifestAsync(string name, Digest digest, CancellationToken cancellationToken)
    {
        var link = await ReadRevisionAsync(name, digest, cancellationToken).ConfigureAwait(false);
        if (link is null) return null;
        try
        {
            var info = await Content.InfoAsync(digest, cancellationToken).ConfigureAwait(false);
            return new StoredManifest(digest, link.MediaType, info.Size);
        }
        catch (BerthException e) when (e.Kind == ErrorKind.NotFound)
        {
            return null;
        }
    }

    private async Task<ManifestLink?> ReadRevisionAsync(string name, Digest digest, CancellationToken cancellationToken)
    {
        var path = RevisionLink(name, digest);
        if (!File.Exists(path)) return null;
        try
        {
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            return JsonSerializer.Deserialize(bytes, RegistryJsonContext.Default.ManifestLink);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    public Task<byte[]> ReadManifestBytesAsync(Digest digest, CancellationToken cancellationToken) =>
        Content.ReadBlobAsync(digest, cancellationToken);

    /// <summary>
    /// Stores a manifest's exact bytes (verified blob), then its revision, its referrer entry and its tags —
    /// each an atomic file, the revision before anything that points at it.
    /// </summary>
    public async Task PutManifestAsync(string name, ReadOnlyMemory<byte> bytes, Digest digest, ParsedManifest manifest,
        IReadOnlyList<string> tags, CancellationToken cancellationToken)
    {
        var writer = await Content.OpenWriterAsync($"manifest-{digest.Encoded}-{Guid.NewGuid():N}", cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            await writer.CommitAsync(bytes.Length, digest, cancellationToken).ConfigureAwait(false);
        }
        var link = new ManifestLink { MediaType = manifest.MediaType, Subject = manifest.Subject?.Digest };
        await AtomicFile.WriteAllBytesAsync(RevisionLink(name, digest),
            JsonSerializer.SerializeToUtf8Bytes(link, RegistryJsonContext.Relaxed.ManifestLink), cancellationToken).ConfigureAwait(false);
        if (manifest.Subject is not null && Digest.TryParse(manifest.Subject.Digest, out var subject))
        {
            var entry = new Descriptor(manifest.MediaType, digest, bytes.Length)
            {
                ArtifactType = manifest.ArtifactType ?? (manifest.IsIndex ? null : manifest.Config?.MediaType),
                Annotations = manifest.Annotations,
            };
            await AtomicFile.WriteAllBytesAsync(Path.Combine(ReferrersDirectory(name, subject), $"{digest.Algorithm}-{digest.Encoded}"),
                JsonSerializer.SerializeToUtf8Bytes(entry, RegistryJsonContext.Relaxed.Descriptor), cancellationToken).ConfigureAwait(false);
        }
        foreach (var tag in tags)
        {
            await AtomicFile.WriteAllBytesAsync(Path.Combine(TagsDirectory(name), tag), Encoding.UTF8.GetBytes(digest.ToString()), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Removes a revision, every tag pointing at it and its referrer entry; false when it was not there.</summary>
    public async Task<bool> DeleteManifestAsync(string name, Digest digest, CancellationToken cancellationToken)
    {
        var link = await ReadRevisionAsync(name, digest, cancellationToken).ConfigureAwait(false);
        if (link is null) return false;
        foreach (var tag in ListTags(name))
        {
            var tagFile = Path.Combine(TagsDirectory(name), tag);
            if (Digest.TryParse(ReadText(tagFile), out var target) && target == digest) File.Delete(tagFile);
        }
        if (Digest.TryParse(link.Subject, out var subject))
        {
            var entry = Path.Combine(ReferrersDirectory(name, subject), $"{digest.Algorithm}-{digest.Encoded}");
            if (File.Exists(entry)) File.Delete(entry);
        }
        File.Delete(RevisionLink(name, digest));
        return true;
    }

    public bool DeleteTag(string name, string tag)
    {
        if (!RepositoryName.IsValidTag(tag)) return false;
        var tagFile = Path.Combine(TagsDirectory(name), tag);
        if (!File.Exists(tagFile)) return false;
        File.Delete(tagFile);
        return true;
    }

    /// <summary>A repository's tags in ordinal ("ASCIIbetical") order.</summary>
    public IReadOnlyList<string> ListTags(string name)
    {
        var dir = TagsDirectory(name);
        if (!Directory.Exists(dir)) return [];
        var tags = Directory.EnumerateFiles(dir).Select(Path.GetFileName).Where(t => t is not null && RepositoryName.IsValidTag(t)).Select(t => t!).ToList();
        tags.Sort(StringComparer.Ordinal);
        return tags;
    }

    /// <summary>Every manifest revision of a repository.</summary>
    public IEnumerable<Digest> ListManifests(string name) =>
        ListDigestFiles(Path.Combine(ManifestsDirectory(name), "revisions")).Select(r => r.Item1);

    /// <summary>Descriptors of the repository's manifests whose subject is <paramref name="subject"/>, by digest.</summary>
    public async Task<IReadOnlyList<Descriptor>> ReferrersAsync(string name, Digest subject, CancellationToken cancellationToken)
    {
        var dir = ReferrersDirectory(name, subject);
        var result = new List<Descriptor>();
        if (!Directory.Exists(dir)) return result;
        foreach (var file in Directory.EnumerateFiles(dir))
        {
            if (Path.GetFileName(file).StartsWith('.')) continue;
            try
            {
                var descriptor = JsonSerializer.Deserialize(await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false), RegistryJsonContext.Default.Descriptor);
                if (descriptor is not null) result.Add(descriptor);
            }
            catch (FileNotFoundException)
            {
                // deleted meanwhile
            }
        }
        result.Sort((a, b) => string.CompareOrdinal(a.Digest, b.Digest));
        return result;
    }

    private static string? ReadText(string path)
    {
        try { return File.ReadAllText(path).Trim(); }
        catch (FileNotFoundException) { return null; }
    }
}
