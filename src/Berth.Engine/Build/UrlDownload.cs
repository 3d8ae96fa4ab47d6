using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Berth.Core;
using Berth.Core.Interop;

namespace Berth.Engine.Build;

/// <summary>
/// <c>ADD &lt;URL&gt;</c>: the remote file downloaded (cancellable) into a directory of its own, named after the
/// URL path's last part (else the response's Content-Disposition file name), mode 0600 and, when the server sent
/// Last-Modified, that mtime — as the Dockerfile reference says. Its SHA-256 is computed on the way in, checked
/// against <c>--checksum</c>, and is what the step's cache key holds (never the mtime). Downloads are not unpacked.
/// </summary>
public sealed class UrlDownload
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private UrlDownload(string directory, string fileName, string sha256)
    {
        Directory = directory;
        FileName = fileName;
        Sha256 = sha256;
    }

    /// <summary>The directory holding only the downloaded file (removed with <see cref="Delete"/>).</summary>
    public string Directory { get; }

    public string FileName { get; }

    /// <summary><c>sha256:&lt;hex&gt;</c> of the content.</summary>
    public string Sha256 { get; }

    public static bool IsUrl(string source) =>
        source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    public static async Task<UrlDownload> FetchAsync(string url, string? checksum, string parentDirectory, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) throw BerthException.Invalid($"invalid URL: {url}");
        var directory = Path.Combine(parentDirectory, Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        try
        {
            using var response = await Http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw BerthException.Invalid($"failed to GET {url} with status {(int)response.StatusCode} {response.ReasonPhrase}");
            var fileName = FileNameOf(uri, response.Content.Headers.ContentDisposition)
                           ?? throw BerthException.Invalid($"cannot determine filename for source {url}");
            var path = Path.Combine(directory, fileName);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
            try
            {
                var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (body.ConfigureAwait(false))
                {
                    var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1);
                    await using (file.ConfigureAwait(false))
                    {
                        int n;
                        while ((n = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                        {
                            hash.AppendData(buffer, 0, n);
                            await file.WriteAsync(buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
                        }
                    }
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
            Errno.ThrowIfError(Libc.Chmod(path, 0x180), "chmod", path);
            var sha256 = "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
            if (checksum is not null && !string.Equals(checksum, sha256, StringComparison.OrdinalIgnoreCase))
                throw BerthException.Invalid($"digest mismatch for {url}: expected {checksum}, got {sha256}");
            if (response.Content.Headers.LastModified is { } modified) File.SetLastWriteTimeUtc(path, modified.UtcDateTime);
            return new UrlDownload(directory, fileName, sha256);
        }
        catch
        {
            System.IO.Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    public void Delete() => System.IO.Directory.Delete(Directory, recursive: true);

    private static string? FileNameOf(Uri uri, ContentDispositionHeaderValue? disposition)
    {
        var last = Uri.UnescapeDataString(uri.AbsolutePath.TrimEnd('/').Split('/')[^1]);
        if (IsPlainName(last)) return last;
        var given = disposition?.FileNameStar ?? disposition?.FileName?.Trim('"');
        return given is not null && IsPlainName(Path.GetFileName(given)) ? Path.GetFileName(given) : null;
    }

    private static bool IsPlainName(string name) => name.Length > 0 && name != "." && name != ".." && !name.Contains('/') && !name.Contains('\0');
}
