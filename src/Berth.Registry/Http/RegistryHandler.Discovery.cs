using Berth.Core.Oci;
using Berth.Registry.Json;

namespace Berth.Registry.Http;

public sealed partial class RegistryHandler
{
    private Task TagsAsync(HttpContext context, string name)
    {
        RequireRepository(name);
        var page = Pagination.Page(context, _store.ListTags(name), $"/v2/{name}/tags/list");
        return RegistryResponses.WriteJsonAsync(context, StatusCodes.Status200OK, new TagList { Name = name, Tags = page }, RegistryJsonContext.Relaxed.TagList);
    }

    private Task CatalogAsync(HttpContext context)
    {
        var page = Pagination.Page(context, _store.ListRepositories(), "/v2/_catalog");
        return RegistryResponses.WriteJsonAsync(context, StatusCodes.Status200OK, new Catalog { Repositories = page }, RegistryJsonContext.Relaxed.Catalog);
    }

    /// <summary>
    /// <c>GET /v2/&lt;name&gt;/referrers/&lt;digest&gt;[?artifactType=]</c>: an image index of the manifests whose subject
    /// is the digest (empty, never 404, when there are none).
    /// </summary>
    private async Task ReferrersAsync(HttpContext context, string name, string reference)
    {
        var subject = ParseDigest(reference);
        var referrers = await _store.ReferrersAsync(name, subject, context.RequestAborted).ConfigureAwait(false);
        var artifactType = context.Request.Query["artifactType"].ToString();
        if (artifactType.Length > 0)
        {
            referrers = referrers.Where(d => d.ArtifactType == artifactType).ToList();
            context.Response.Headers["OCI-Filters-Applied"] = "artifactType";
        }
        var index = new ImageIndex { MediaType = MediaTypes.OciIndex, Manifests = referrers.ToList() };
        await RegistryResponses.WriteJsonAsync(context, StatusCodes.Status200OK, index, RegistryJsonContext.Relaxed.ImageIndex, MediaTypes.OciIndex).ConfigureAwait(false);
    }
}
