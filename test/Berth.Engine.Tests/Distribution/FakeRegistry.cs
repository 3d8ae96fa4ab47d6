using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Berth.Core;

namespace Berth.Engine.Tests.Distribution;

/// <summary>
/// An in-process OCI registry behind an HttpMessageHandler: manifests, blobs (with Range), uploads, mounts,
/// optional Basic or Bearer auth (token server at https://auth.test/token), and injected faults: a blob whose
/// first download breaks after some bytes, a blob whose download waits for the test to release it.
/// </summary>
internal sealed class FakeRegistry : HttpMessageHandler
{
    public const string Host = "registry.test";
    public const string User = "alice";
    public const string Password = "s3cret";
    private const string GoodToken = "good-token";

    public ConcurrentDictionary<string, byte[]> Blobs { get; } = new(StringComparer.Ordinal);
    public ConcurrentDictionary<string, (byte[] Bytes, string MediaType)> Manifests { get; } = new(StringComparer.Ordinal);
    public ConcurrentQueue<string> Log { get; } = new();
    private readonly ConcurrentDictionary<string, MemoryStream> _uploads = new(StringComparer.Ordinal);

    /// <summary>"basic", "bearer" or null (open).</summary>
    public string? Auth { get; set; }

    /// <summary>Digest → bytes after which its next download breaks (once).</summary>
    public ConcurrentDictionary<string, long> DropAfter { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Digest → gate a GET of that blob waits for before answering (a slow download the test releases);
    /// <see cref="BlobRequested"/> hears when such a GET arrived.
    /// </summary>
    public ConcurrentDictionary<string, TaskCompletionSource> BlobGates { get; } = new(StringComparer.Ordinal);

    /// <summary>Digest → completed when a GET of a gated blob arrived.</summary>
    public ConcurrentDictionary<string, TaskCompletionSource> BlobRequested { get; } = new(StringComparer.Ordinal);

    /// <summary>Holds GETs of the blob until <see cref="ReleaseBlob"/>; returns what completes when one arrives.</summary>
    public Task GateBlob(Digest digest)
    {
        var requested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        BlobRequested[digest.ToString()] = requested;
        BlobGates[digest.ToString()] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return requested.Task;
    }

    public void ReleaseBlob(Digest digest) => BlobGates[digest.ToString()].TrySetResult();

    /// <summary>Which repositories hold which blob: <c>repo@digest</c>, or <c>*@digest</c> for every repository.</summary>
    private readonly ConcurrentDictionary<string, byte> _links = new(StringComparer.Ordinal);

    public void AddBlob(byte[] bytes, string repository = "*")
    {
        var digest = Digest.Compute(bytes).ToString();
        Blobs[digest] = bytes;
        _links[$"{repository}@{digest}"] = 0;
    }

    private bool Holds(string repository, string digest) => _links.ContainsKey($"{repository}@{digest}") || _links.ContainsKey($"*@{digest}");

    public void AddManifest(string repository, string reference, byte[] bytes, string mediaType)
    {
        Manifests[$"{repository}@{Digest.Compute(bytes)}"] = (bytes, mediaType);
        Manifests[$"{repository}:{reference}"] = (bytes, mediaType);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var range = request.Headers.Range?.ToString();
        Log.Enqueue($"{request.Method} {uri.Host}{uri.PathAndQuery}{(range is null ? "" : " Range:" + range)}{(request.Headers.Authorization is { } a ? " Auth:" + a.Scheme : "")}");
        if (uri.Host == "auth.test") return Token(request);
        if (!Authorized(request)) return Challenge();
        var path = uri.AbsolutePath;
        if (path == "/v2/") return Json(HttpStatusCode.OK, "{}");
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var manifests = path.IndexOf("/manifests/", StringComparison.Ordinal);
        if (manifests > 0) return Manifest(request, path[4..manifests], path[(manifests + 11)..], body);
        var uploads = path.IndexOf("/blobs/uploads/", StringComparison.Ordinal);
        if (uploads > 0) return Upload(request, path[4..uploads], path[(uploads + 15)..], body);
        var blobs = path.IndexOf("/blobs/", StringComparison.Ordinal);
        if (blobs > 0)
        {
            var digest = path[(blobs + 7)..];
            if (request.Method == HttpMethod.Get && BlobGates.TryGetValue(digest, out var gate))
            {
                BlobRequested[digest].TrySetResult();
                await gate.Task.WaitAsync(cancellationToken);
            }
            return Blob(request, path[4..blobs], digest);
        }
        return Error(HttpStatusCode.NotFound, "NOT_FOUND", "not found");
    }

    private bool Authorized(HttpRequestMessage request)
    {
        var header = request.Headers.Authorization;
        return Auth switch
        {
            null => true,
            "basic" => header is { Scheme: "Basic" } && header.Parameter == Basic(User, Password),
            _ => header is { Scheme: "Bearer", Parameter: GoodToken },
        };
    }

    public static string Basic(string user, string password) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    private HttpResponseMessage Challenge()
    {
        var response = Error(HttpStatusCode.Unauthorized, "UNAUTHORIZED", "authentication required");
        response.Headers.TryAddWithoutValidation("WWW-Authenticate", Auth == "basic"
            ? "Basic realm=\"fake\""
            : "Bearer realm=\"https://auth.test/token\",service=\"fake-registry\",scope=\"repository:x:pull\"");
        return response;
    }

    private static HttpResponseMessage Token(HttpRequestMessage request)
    {
        var header = request.Headers.Authorization;
        if (header is not null && header.Parameter != Basic(User, Password))
            return Error(HttpStatusCode.Unauthorized, "UNAUTHORIZED", "incorrect username or password");
        if (header is null) return Json(HttpStatusCode.OK, "{\"token\":\"anonymous-token\",\"expires_in\":300}");
        return Json(HttpStatusCode.OK, $"{{\"token\":\"{GoodToken}\",\"expires_in\":300}}");
    }

    private HttpResponseMessage Manifest(HttpRequestMessage request, string repository, string reference, byte[] body)
    {
        var key = Digest.TryParse(reference, out _) ? $"{repository}@{reference}" : $"{repository}:{reference}";
        if (request.Method == HttpMethod.Put)
        {
            AddManifest(repository, reference, body, request.Content!.Headers.ContentType!.MediaType!);
            var created = new HttpResponseMessage(HttpStatusCode.Created);
            created.Headers.TryAddWithoutValidation("Docker-Content-Digest", Digest.Compute(body).ToString());
            return created;
        }
        if (!Manifests.TryGetValue(key, out var manifest)) return Error(HttpStatusCode.NotFound, "MANIFEST_UNKNOWN", "manifest unknown");
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(manifest.Bytes) };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", manifest.MediaType);
        response.Headers.TryAddWithoutValidation("Docker-Content-Digest", Digest.Compute(manifest.Bytes).ToString());
        return response;
    }

    private HttpResponseMessage Blob(HttpRequestMessage request, string repository, string digest)
    {
        if (!Holds(repository, digest) || !Blobs.TryGetValue(digest, out var bytes)) return Error(HttpStatusCode.NotFound, "BLOB_UNKNOWN", "blob unknown to registry");
        if (request.Method == HttpMethod.Head)
        {
            var head = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([]) };
            head.Content.Headers.ContentLength = bytes.Length;
            return head;
        }
        long from = request.Headers.Range?.Ranges.First().From ?? 0;
        var slice = bytes.AsMemory((int)from).ToArray();
        Stream stream = new MemoryStream(slice);
        if (DropAfter.TryRemove(digest, out var after)) stream = new BreakingStream(stream, after);
        var response = new HttpResponseMessage(from > 0 ? HttpStatusCode.PartialContent : HttpStatusCode.OK) { Content = new StreamContent(stream) };
        response.Content.Headers.ContentLength = slice.Length;
        if (from > 0) response.Content.Headers.ContentRange = new System.Net.Http.Headers.ContentRangeHeaderValue(from, bytes.Length - 1, bytes.Length);
        return response;
    }

    private HttpResponseMessage Upload(HttpRequestMessage request, string repository, string session, byte[] body)
    {
        var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query);
        if (request.Method == HttpMethod.Post)
        {
            if (query["mount"] is { } mount && query["from"] is { } from && Holds(from, mount))
            {
                _links[$"{repository}@{mount}"] = 0;
                return new HttpResponseMessage(HttpStatusCode.Created);
            }
            var id = Guid.NewGuid().ToString("N");
            _uploads[id] = new MemoryStream();
            var accepted = new HttpResponseMessage(HttpStatusCode.Accepted);
            accepted.Headers.Location = new Uri($"/v2/{repository}/blobs/uploads/{id}", UriKind.Relative);
            return accepted;
        }
        if (!_uploads.TryGetValue(session, out var upload)) return Error(HttpStatusCode.NotFound, "BLOB_UPLOAD_UNKNOWN", "blob upload unknown");
        upload.Write(body);
        if (request.Method == HttpMethod.Patch)
        {
            var accepted = new HttpResponseMessage(HttpStatusCode.Accepted);
            accepted.Headers.Location = new Uri($"/v2/{repository}/blobs/uploads/{session}", UriKind.Relative);
            return accepted;
        }
        var bytes = upload.ToArray();
        if (Digest.Compute(bytes).ToString() != query["digest"]) return Error(HttpStatusCode.BadRequest, "DIGEST_INVALID", "provided digest did not match uploaded content");
        AddBlob(bytes, repository);
        _uploads.TryRemove(session, out _);
        return new HttpResponseMessage(HttpStatusCode.Created);
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private static HttpResponseMessage Error(HttpStatusCode status, string code, string message) =>
        Json(status, $"{{\"errors\":[{{\"code\":\"{code}\",\"message\":\"{message}\",\"detail\":null}}]}}");

    /// <summary>Delivers <c>after</c> bytes, then fails as a dropped connection does.</summary>
    private sealed class BreakingStream(Stream inner, long after) : Stream
    {
        private long _delivered;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _delivered; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_delivered >= after) throw new IOException("connection reset by peer (injected)");
            var n = inner.Read(buffer, offset, (int)Math.Min(count, after - _delivered));
            _delivered += n;
            return n;
        }
    }
}
