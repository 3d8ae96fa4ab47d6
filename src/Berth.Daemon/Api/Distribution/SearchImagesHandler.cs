using Berth.Api;
using Berth.Core;
using Berth.Core.References;
using Berth.Daemon.Api.Http;
using Berth.Engine.Distribution;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Berth.Daemon.Api.Distribution;

/// <summary>
/// <c>GET /images/search?term=&amp;limit=</c>: the repositories of a registry's <c>/v2/_catalog</c> whose name
/// contains the term. The registry is the term's first component when it is a host (<c>127.0.0.1:5000/busy</c>),
/// else docker.io. Names come back qualified by the registry; there are no stars or official images.
/// </summary>
public static class SearchImagesHandler
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;

    public static async Task HandleAsync(HttpContext context)
    {
        var term = QueryValues.String(context, "term") ?? "";
        var limit = QueryValues.Int32(context, "limit") ?? DefaultLimit;
        if (limit < 1 || limit > MaxLimit) throw BerthException.Invalid($"limit {limit} is outside the range of [1, {MaxLimit}]");
        var (domain, text) = Split(term);
        var endpoints = context.RequestServices.GetRequiredService<RegistryEndpoints>();
        var registry = context.RequestServices.GetRequiredService<IRegistryClient>();
        var endpoint = await endpoints.UpstreamAsync(domain, context.RequestAborted).ConfigureAwait(false);
        var names = await registry.CatalogAsync(endpoint, RegistryAuthHeader.Read(context), 100_000, context.RequestAborted).ConfigureAwait(false);
        var results = names
            .Where(n => n.Contains(text, StringComparison.OrdinalIgnoreCase))
            .Take(limit)
            .Select(n => new ImageSearchResponseItem { Name = domain == ImageReference.DefaultDomain ? n : $"{domain}/{n}", Description = "" })
            .ToList();
        await JsonResponse.WriteAsync(context, results, BerthApiJsonContext.Default.ListImageSearchResponseItem).ConfigureAwait(false);
    }

    /// <summary><c>host[:port]/rest</c> → (host[:port], rest); anything else is a docker.io term.</summary>
    private static (string Domain, string Term) Split(string term)
    {
        var slash = term.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            var first = term[..slash];
            if (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost")
                return (first, term[(slash + 1)..]);
        }
        return (ImageReference.DefaultDomain, term);
    }
}
