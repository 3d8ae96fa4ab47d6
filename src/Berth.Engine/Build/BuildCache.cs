using System.Security.Cryptography;
using System.Text;
using Berth.Core.Storage;

namespace Berth.Engine.Build;

/// <summary>
/// The build cache: a step's cache key (parent image ID, instruction, effective args and env, source checksum)
/// → the image the step made. One small file per key under <c>builder/cache</c>, written atomically, so the cache
/// survives daemon restarts; entries naming images that no longer exist are misses.
/// </summary>
public sealed class BuildCache(string dataRoot)
{
    private readonly string _directory = Path.Combine(dataRoot, "builder", "cache");

    public static string Key(params string[] parts)
    {
        var text = string.Join('\0', parts);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public string? TryGet(string key)
    {
        try
        {
            return File.ReadAllText(Path.Combine(_directory, key)).Trim();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public async Task PutAsync(string key, string imageId, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_directory);
        await AtomicFile.WriteAllBytesAsync(Path.Combine(_directory, key), Encoding.UTF8.GetBytes(imageId), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A hit: the entry's access time becomes its last use (<c>system df</c>'s LastUsedAt).</summary>
    public void MarkUsed(string key)
    {
        try
        {
            File.SetLastAccessTimeUtc(Path.Combine(_directory, key), DateTime.UtcNow);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            // pruned meanwhile: nothing to mark
        }
    }

    /// <summary>
    /// Every entry: its key, the step image it names, when it was written and last used (<c>system df</c>).
    /// </summary>
    public IReadOnlyList<(string Key, string ImageId, DateTimeOffset Created, DateTimeOffset LastUsed)> List()
    {
        if (!Directory.Exists(_directory)) return [];
        var entries = new List<(string, string, DateTimeOffset, DateTimeOffset)>();
        foreach (var file in Directory.GetFiles(_directory))
        {
            if (TryGet(Path.GetFileName(file)) is not { } imageId) continue;
            var created = new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero);
            var used = new DateTimeOffset(File.GetLastAccessTimeUtc(file), TimeSpan.Zero);
            entries.Add((Path.GetFileName(file), imageId, created, used > created ? used : created));
        }
        return entries;
    }

    /// <summary>
    /// <c>builder prune</c>: forgets every entry and returns their keys. The step images stay (untagged ones are
    /// dangling and go with <c>image prune</c>).
    /// </summary>
    public IReadOnlyList<string> Clear()
    {
        if (!Directory.Exists(_directory)) return [];
        var deleted = new List<string>();
        foreach (var file in Directory.GetFiles(_directory))
        {
            File.Delete(file);
            deleted.Add(Path.GetFileName(file));
        }
        return deleted;
    }
}
