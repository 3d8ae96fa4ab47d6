using Berth.Core;
using Berth.Core.References;

namespace Berth.Engine.Images;

public sealed partial class ImageService
{
    [Flags]
    private enum Conflicts
    {
        None = 0,
        DependentChild = 1,
        RunningContainer = 2,
        ActiveReference = 4,
        StoppedContainer = 8,
        Hard = DependentChild | RunningContainer,
        Soft = ActiveReference | StoppedContainer,
    }

    /// <summary>A reason an image cannot be deleted; hard ones even with force. Worded like dockerd.</summary>
    private sealed record DeleteConflict(string ImageId, string Message, bool Hard, bool Used)
    {
        public BerthException ToException() => BerthException.Conflict(
            $"conflict: unable to delete {TruncateId(ImageId)} ({(Hard ? "cannot be forced" : "must be forced")}) - {Message}");
    }

    public async Task<IReadOnlyList<ImageDeleteItem>> RemoveAsync(string nameOrId, bool force, bool noPrune, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await RemoveLockedAsync(nameOrId, force, !noPrune, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Publish();
            _writeLock.Release();
        }
    }

    /// <summary>dockerd's ImageDelete: by reference untags (deleting with the last one), by ID deletes.</summary>
    private async Task<List<ImageDeleteItem>> RemoveLockedAsync(string nameOrId, bool force, bool prune, CancellationToken cancellationToken)
    {
        var image = _view.Resolve(nameOrId) ?? throw NoSuchImage(nameOrId);
        var id = image.Id.ToString();
        var records = new List<ImageDeleteItem>();
        var repoRefs = ReferencesTo(id);
        var removedRepositoryRef = false;

        if (!IsImageIdPrefix(id, nameOrId))
        {
            if (!force && IsSingleReference(repoRefs) && _usage.ContainersUsing(image.Id) is [var user, ..])
            {
                // Untagging would leave the image dangling under a container: the client must force it.
                throw BerthException.Conflict(
                    $"conflict: unable to remove repository reference \"{nameOrId}\" (must force) - container {TruncateId(user)} is using its referenced image {TruncateId(id)}");
            }
            var parsed = ImageReference.Parse(nameOrId);
            if (!parsed.IsCanonical) parsed = parsed.WithDefaultTag();
            else parsed = parsed.NameOnly().WithDigest(parsed.Digest!.Value);
            if (!_store.State.References.ContainsKey(parsed.ToString())) throw NoSuchImage(nameOrId);
            await _store.RemoveReferencesAsync([parsed.ToString()], cancellationToken).ConfigureAwait(false);
            PublishUntagEvents(id, 1);
            records.Add(new ImageDeleteItem(parsed.FamiliarString, null));
            repoRefs = ReferencesTo(id);

            // With the repository's last tag gone, its digest references go too.
            if (!parsed.IsCanonical && !repoRefs.Any(r => !r.IsCanonical && r.Name == parsed.Name))
            {
                var digests = repoRefs.Where(r => r.IsCanonical && r.Name == parsed.Name).ToList();
                if (digests.Count > 0)
                {
                    await _store.RemoveReferencesAsync(digests.Select(r => r.ToString()), cancellationToken).ConfigureAwait(false);
                    PublishUntagEvents(id, digests.Count);
                    records.AddRange(digests.Select(r => new ImageDeleteItem(r.FamiliarString, null)));
                    repoRefs = ReferencesTo(id);
                }
            }
            if (repoRefs.Count > 0) return records;
            removedRepositoryRef = true;
        }
        else if (IsSingleReference(repoRefs))
        {
            // By ID with at most one repository: its references go along, unless a container needs the image.
            var mask = Conflicts.Hard | (force ? Conflicts.None : Conflicts.Soft & ~Conflicts.ActiveReference);
            if (CheckConflict(id, mask) is { } conflict) throw conflict.ToException();
            await _store.RemoveReferencesAsync(repoRefs.Select(r => r.ToString()), cancellationToken).ConfigureAwait(false);
            PublishUntagEvents(id, repoRefs.Count);
            records.AddRange(repoRefs.Select(r => new ImageDeleteItem(r.FamiliarString, null)));
        }

        await DeleteImageAsync(id, records, force, prune, removedRepositoryRef, cancellationToken).ConfigureAwait(false);
        return records;
    }

    /// <summary>dockerd's imageDeleteHelper: checks conflicts, deletes the image and its unused layers, then its parent.</summary>
    private async Task DeleteImageAsync(string id, List<ImageDeleteItem> records, bool force, bool prune, bool quiet, CancellationToken cancellationToken)
    {
        var mask = Conflicts.Hard | (force ? Conflicts.None : Conflicts.Soft);
        if (CheckConflict(id, mask) is { } conflict)
        {
            // After an untag, stay quiet unless the user must know (the image is now dangling and unused).
            if (quiet && (_store.State.ReferencesTo(id).Any() || conflict.Used)) return;
            throw conflict.ToException();
        }
        var stored = _store.State.Images[id];
        records.AddRange(ReferencesTo(id).Select(r => new ImageDeleteItem(r.FamiliarString, null)));
        PublishUntagEvents(id, ReferencesTo(id).Count);
        await _store.DeleteImageAsync(id, cancellationToken).ConfigureAwait(false);
        _configs = _configs.Remove(id);
        PublishImageEvent(id, id, Events.ImageEvents.Delete);
        records.Add(new ImageDeleteItem(null, id));

        foreach (var chainId in await SweepLayersAsync(cancellationToken).ConfigureAwait(false))
            records.Add(new ImageDeleteItem(null, chainId));
        await DeleteImageBlobsAsync(stored, cancellationToken).ConfigureAwait(false);

        if (prune && stored.Parent is { } parent && _store.State.Images.ContainsKey(parent))
            await DeleteImageAsync(parent, records, force: false, prune: true, quiet: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the config, manifest and layer blobs of a deleted image that no remaining image uses.</summary>
    private async Task DeleteImageBlobsAsync(StoredImage deleted, CancellationToken cancellationToken)
    {
        var used = new HashSet<string>(_blobsInFlight.Values, StringComparer.Ordinal);
        foreach (var image in _store.State.Images.Values)
        {
            used.Add(image.Id);
            if (image.ManifestDigest is not null) used.Add(image.ManifestDigest);
            foreach (var layer in image.Layers) used.Add(layer.BlobDigest);
        }
        var candidates = new List<string> { deleted.Id };
        if (deleted.ManifestDigest is not null) candidates.Add(deleted.ManifestDigest);
        candidates.AddRange(deleted.Layers.Select(l => l.BlobDigest));
        foreach (var blob in candidates.Where(b => !used.Contains(b)).Distinct(StringComparer.Ordinal))
            await _content.DeleteAsync(Digest.Parse(blob), cancellationToken).ConfigureAwait(false);
    }

    private DeleteConflict? CheckConflict(string id, Conflicts mask)
    {
        if ((mask & Conflicts.DependentChild) != 0 && _store.State.Images.Values.Any(i => i.Parent == id))
            return new DeleteConflict(id, "image has dependent child images", Hard: true, Used: false);
        var digest = Digest.Parse(id);
        var running = _usage.RunningContainersUsing(digest);
        if ((mask & Conflicts.RunningContainer) != 0 && running is [var r, ..])
            return new DeleteConflict(id, $"image is being used by running container {TruncateId(r)}", Hard: true, Used: true);
        if ((mask & Conflicts.ActiveReference) != 0 && _store.State.ReferencesTo(id).Any())
            return new DeleteConflict(id, "image is referenced in multiple repositories", Hard: false, Used: false);
        if ((mask & Conflicts.StoppedContainer) != 0 && _usage.ContainersUsing(digest).Except(running, StringComparer.Ordinal).FirstOrDefault() is { } s)
            return new DeleteConflict(id, $"image is being used by stopped container {TruncateId(s)}", Hard: false, Used: true);
        return null;
    }

    /// <summary>dockerd's isImageIDPrefix: the name is (a prefix of) the ID, with or without algorithm.</summary>
    private static bool IsImageIdPrefix(string imageId, string name) =>
        imageId.StartsWith(name, StringComparison.Ordinal) || imageId[(imageId.IndexOf(':', StringComparison.Ordinal) + 1)..].StartsWith(name, StringComparison.Ordinal);

    /// <summary>
    /// dockerd's isSingleReference: exactly one tag, or only references of one repository (a tag plus its
    /// digests count as one).
    /// </summary>
    private static bool IsSingleReference(List<ImageReference> refs)
    {
        if (refs.Count <= 1) return refs.Count == 1;
        ImageReference? single = null;
        var canonicalNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in refs)
        {
            if (r.IsCanonical) canonicalNames.Add(r.Name);
            else if (single is null) single = r;
            else return false;
        }
        single ??= refs[0];
        return canonicalNames.Count == 1 && canonicalNames.Contains(single.Name);
    }
}
