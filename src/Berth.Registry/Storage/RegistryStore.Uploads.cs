using System.Globalization;

namespace Berth.Registry.Storage;

public sealed partial class RegistryStore
{
    /// <summary>The directory holding a repository's upload markers.</summary>
    public string UploadsDirectory(string name) => Path.Combine(RepositoryDirectory(name), "_uploads");

    /// <summary>
    /// Every upload session's marker under every repository (also repositories that hold nothing else yet), with
    /// its start time: the marker's content, or its modification time when that is unreadable.
    /// </summary>
    public IReadOnlyList<UploadMarker> ListUploadMarkers()
    {
        var result = new List<UploadMarker>();
        Walk(RepositoriesRoot, "");
        return result;

        void Walk(string dir, string prefix)
        {
            IEnumerable<string> children;
            try { children = Directory.EnumerateDirectories(dir).ToList(); }
            catch (DirectoryNotFoundException) { return; }
            foreach (var child in children)
            {
                var name = Path.GetFileName(child);
                if (name == "_uploads" && prefix.Length > 0)
                {
                    foreach (var file in new DirectoryInfo(child).EnumerateFiles())
                    {
                        if (!Guid.TryParseExact(file.Name, "D", out _)) continue;
                        result.Add(new UploadMarker(prefix, file.Name, ReadStartedAt(file)));
                    }
                    continue;
                }
                if (name.StartsWith('_')) continue;
                Walk(child, prefix.Length == 0 ? name : prefix + "/" + name);
            }
        }
    }

    private static DateTimeOffset ReadStartedAt(FileInfo marker)
    {
        try
        {
            if (long.TryParse(File.ReadAllText(marker.FullName), NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
                return DateTimeOffset.FromUnixTimeMilliseconds(ms);
        }
        catch (IOException)
        {
            // fall back to the file's time
        }
        return marker.LastWriteTimeUtc;
    }
}
