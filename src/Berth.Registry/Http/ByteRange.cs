using System.Globalization;

namespace Berth.Registry.Http;

/// <summary>One byte range of a <c>Range: bytes=…</c> request header (RFC 9110 §14), resolved against a length.</summary>
public readonly record struct ByteRange(long Start, long Length)
{
    public long End => Start + Length - 1;

    /// <summary>
    /// Null when the header is absent, not a single bytes range, or malformed (the whole content is sent, as RFC
    /// 9110 allows); <paramref name="unsatisfiable"/> when it is well-formed but outside the content.
    /// </summary>
    public static ByteRange? Parse(string? header, long size, out bool unsatisfiable)
    {
        unsatisfiable = false;
        if (string.IsNullOrEmpty(header) || !header.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase)) return null;
        var spec = header[6..].Trim();
        if (spec.Contains(',', StringComparison.Ordinal)) return null;
        var dash = spec.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0) return null;
        var first = spec[..dash].Trim();
        var last = spec[(dash + 1)..].Trim();
        if (first.Length == 0)
        {
            if (!long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var suffix)) return null;
            if (suffix == 0 || size == 0) { unsatisfiable = true; return null; }
            var n = Math.Min(suffix, size);
            return new ByteRange(size - n, n);
        }
        if (!long.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var start)) return null;
        long end = size - 1;
        if (last.Length > 0)
        {
            if (!long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out end) || end < start) return null;
            end = Math.Min(end, size - 1);
        }
        if (start >= size) { unsatisfiable = true; return null; }
        return new ByteRange(start, end - start + 1);
    }
}
