using Berth.Core;
using Berth.Registry.Auth;
using Berth.Registry.Storage;
using Microsoft.AspNetCore.Http.Features;

namespace Berth.Registry.Http;

/// <summary>
/// The <c>/v2/…</c> endpoints of the OCI distribution spec: one entry point that parses the path (repository
/// names hold slashes), authorizes, dispatches by route and method, and turns refusals into spec error JSON.
/// </summary>
public sealed partial class RegistryHandler
{
    private readonly RegistryOptions _options;
    private readonly RegistryStore _store;
    private readonly UploadManager _uploads;
    private readonly RegistryAuthenticator _auth;

    public RegistryHandler(RegistryOptions options, RegistryStore store, RegistryAuthenticator auth)
    {
        _options = options;
        _store = store;
        _uploads = new UploadManager(store);
        _auth = auth;
    }

    /// <summary>Removes uploads abandoned for longer than the configured max age (not while a gc runs); returns how many.</summary>
    public async Task<int> ExpireUploadsAsync(CancellationToken cancellationToken)
    {
        using var storeLock = await StoreLock.SharedAsync(_store.Root, cancellationToken).ConfigureAwait(false);
        return await _uploads.ExpireAsync(_options.UploadMaxAge, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes open uploads' files (they resume after a restart).</summary>
    public Task CloseAsync() => _uploads.CloseAllAsync();

    public async Task HandleAsync(HttpContext context, string path)
    {
        context.Response.Headers[RegistryResponses.ApiVersionHeader] = "registry/2.0";
        try
        {
            var route = RegistryRoute.Parse(path);
            if (route.Kind is RegistryRouteKind.Unknown)
            {
                await RegistryResponses.WriteErrorAsync(context, StatusCodes.Status404NotFound, "NAME_UNKNOWN", "no such endpoint", "/v2/" + path).ConfigureAwait(false);
                return;
            }
            if (route.Kind is not (RegistryRouteKind.Base or RegistryRouteKind.Catalog)) RepositoryName.Validate(route.Name);
            if (!await _auth.AuthorizeAsync(context, RequiredScope(route, context.Request.Method)).ConfigureAwait(false)) return;
            await DispatchAsync(context, route).ConfigureAwait(false);
        }
        catch (RegistryException e)
        {
            await RegistryResponses.WriteErrorAsync(context, e).ConfigureAwait(false);
        }
        catch (BerthException e) when (e.Kind == ErrorKind.Unavailable)
        {
            // Another request holds the same upload's ingest.
            await RegistryResponses.WriteErrorAsync(context, StatusCodes.Status409Conflict, "BLOB_UPLOAD_INVALID", e.Message, null).ConfigureAwait(false);
        }
    }

    private static AccessScope? RequiredScope(RegistryRoute route, string method)
    {
        if (route.Kind == RegistryRouteKind.Base) return null;
        if (route.Kind == RegistryRouteKind.Catalog) return new AccessScope("registry", "catalog", ["*"]);
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method)) return new AccessScope("repository", route.Name, ["pull"]);
        if (HttpMethods.IsDelete(method) && route.Kind != RegistryRouteKind.Upload) return new AccessScope("repository", route.Name, ["delete"]);
        return new AccessScope("repository", route.Name, ["pull", "push"]);
    }

    private Task DispatchAsync(HttpContext context, RegistryRoute route)
    {
        var method = context.Request.Method;
        var get = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        return route.Kind switch
        {
            RegistryRouteKind.Base when get => WriteBaseAsync(context),
            RegistryRouteKind.Catalog when HttpMethods.IsGet(method) => CatalogAsync(context),
            RegistryRouteKind.Tags when HttpMethods.IsGet(method) => TagsAsync(context, route.Name),
            RegistryRouteKind.Referrers when HttpMethods.IsGet(method) => ReferrersAsync(context, route.Name, route.Reference),
            RegistryRouteKind.Manifest when get => GetManifestAsync(context, route.Name, route.Reference),
            RegistryRouteKind.Manifest when HttpMethods.IsPut(method) => PutManifestAsync(context, route.Name, route.Reference),
            RegistryRouteKind.Manifest when HttpMethods.IsDelete(method) => DeleteManifestAsync(context, route.Name, route.Reference),
            RegistryRouteKind.Blob when get => GetBlobAsync(context, route.Name, route.Reference),
            RegistryRouteKind.Blob when HttpMethods.IsDelete(method) => DeleteBlobAsync(context, route.Name, route.Reference),
            RegistryRouteKind.Upload when route.Reference.Length == 0 && HttpMethods.IsPost(method) => StartUploadAsync(context, route.Name),
            RegistryRouteKind.Upload when route.Reference.Length > 0 && HttpMethods.IsGet(method) => UploadStatusAsync(context, route.Name, route.Reference),
            RegistryRouteKind.Upload when route.Reference.Length > 0 && HttpMethods.IsPatch(method) => PatchUploadAsync(context, route.Name, route.Reference),
            RegistryRouteKind.Upload when route.Reference.Length > 0 && HttpMethods.IsPut(method) => FinishUploadAsync(context, route.Name, route.Reference),
            RegistryRouteKind.Upload when route.Reference.Length > 0 && HttpMethods.IsDelete(method) => CancelUploadAsync(context, route.Name, route.Reference),
            _ => throw new RegistryException(RegistryErrorCode.Unsupported, $"{method} is not supported here"),
        };
    }

    private static Task WriteBaseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = 2;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : context.Response.WriteAsync("{}", context.RequestAborted);
    }

    private static Digest ParseDigest(string text)
    {
        if (!Digest.TryParse(text, out var digest)) throw RegistryException.DigestInvalid("invalid digest", text);
        return digest;
    }

    /// <summary>Blob bodies may be any size: lift Kestrel's default 30 MB request limit for this request.</summary>
    private static void AllowLargeBody(HttpContext context)
    {
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = null;
    }

    private void RequireRepository(string name)
    {
        if (!_store.RepositoryExists(name)) throw RegistryException.NameUnknown(name);
    }
}
