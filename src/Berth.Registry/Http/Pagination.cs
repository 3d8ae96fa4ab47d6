using System.Globalization;

namespace Berth.Registry.Http;

/// <summary>
/// The <c>n</c>/<c>last</c> pagination of tags/list and _catalog: entries after <c>last</c> (exclusive, ordinal),
/// at most <c>n</c>, and a <c>Link: &lt;…&gt;; rel="next"</c> header when more remain.
/// </summary>
public static class Pagination
{
    public static List<string> Page(HttpContext context, IReadOnlyList<string> sorted, string path)
    {
        var query = context.Request.Query;
        var last = query["last"].ToString();
        IEnumerable<string> items = last.Length > 0 ? sorted.Where(s => string.CompareOrdinal(s, last) > 0) : sorted;
        var nText = query["n"].ToString();
        if (nText.Length == 0) return items.ToList();
        if (!int.TryParse(nText, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            throw new RegistryException(RegistryErrorCode.Unsupported, "invalid n", nText) { StatusOverride = StatusCodes.Status400BadRequest };
        var remaining = items.ToList();
        var page = remaining.Take(n).ToList();
        if (n > 0 && remaining.Count > page.Count)
        {
            context.Response.Headers.Link = $"<{path}?n={n}&last={Uri.EscapeDataString(page[^1])}>; rel=\"next\"";
        }
        return page;
    }
}
