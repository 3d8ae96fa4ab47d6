using System.Collections.Concurrent;
using Berth.Core;
using Berth.Core.Content;

namespace Berth.Engine.Images;

public sealed partial class ImageService
{
    /// <summary>
    /// Layer snapshots (by ChainID) that a registration under way will name: committed before their image is
    /// recorded, they must survive a sweep meanwhile (an rmi, a failed pull, a removed container).
    /// </summary>
    private readonly ConcurrentDictionary<Guid, string> _layersInFlight = new();

    /// <summary>
    /// Claims blobs (kept by rmi's blob deletion) and layer snapshots (kept by the sweep) for a registration that
    /// runs without the write lock. Taken under the write lock, briefly: a sweep or an rmi running now has
    /// finished, every later one sees the claims. <paramref name="mustExist"/> blobs are checked under the lock
    /// too, so one deleted just before its claim fails the registration instead of being recorded missing.
    /// </summary>
    private async Task<Claims> ClaimAsync(IEnumerable<string> blobs, IEnumerable<Digest> mustExist, IEnumerable<Digest> chain, CancellationToken cancellationToken)
    {
        var claims = new Claims(this);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var blob in blobs) claims.Blob(blob);
            foreach (var chainId in chain) claims.Layer(chainId.ToString());
            foreach (var blob in mustExist)
            {
                if (!await _content.ExistsAsync(blob, cancellationToken).ConfigureAwait(false))
                    throw BerthException.Invalid($"blob {blob} is missing");
            }
            return claims;
        }
        catch
        {
            claims.Dispose();
            throw;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<IDisposable> LeaseBlobsAsync(IEnumerable<Digest> blobs, CancellationToken cancellationToken) =>
        await ClaimAsync(blobs.Select(b => b.ToString()), [], [], cancellationToken).ConfigureAwait(false);

    /// <summary>ChainIDs of the layers registrations under way claim; the sweep keeps them.</summary>
    private IEnumerable<string> ClaimedLayers => _layersInFlight.Values;

    /// <summary>Blob and layer claims of one registration; disposing releases them.</summary>
    private sealed class Claims(ImageService owner) : IDisposable
    {
        private readonly List<Guid> _blobs = [];
        private readonly List<Guid> _layers = [];

        public void Blob(string digest) => _blobs.Add(Add(owner._blobsInFlight, digest));

        public void Layer(string chainId) => _layers.Add(Add(owner._layersInFlight, chainId));

        private static Guid Add(ConcurrentDictionary<Guid, string> claims, string value)
        {
            var claim = Guid.NewGuid();
            claims[claim] = value;
            return claim;
        }

        public void Dispose()
        {
            foreach (var claim in _blobs) owner._blobsInFlight.TryRemove(claim, out _);
            foreach (var claim in _layers) owner._layersInFlight.TryRemove(claim, out _);
            _blobs.Clear();
            _layers.Clear();
        }
    }
}
