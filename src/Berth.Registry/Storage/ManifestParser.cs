using System.Text.Json;
using Berth.Core;
using Berth.Core.Oci;
using Berth.Registry.Http;

namespace Berth.Registry.Storage;

/// <summary>
/// Reads a pushed manifest without rewriting it (its bytes are stored as sent): OCI manifest and index, Docker
/// schema2 manifest and manifest list, and artifacts with other media types of the same shape.
/// </summary>
public static class ManifestParser
{
    /// <param name="contentType">The request's Content-Type (parameters ignored), or null.</param>
    public static ParsedManifest Parse(ReadOnlySpan<byte> bytes, string? contentType)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes.ToArray());
        }
        catch (JsonException e)
        {
            throw Invalid("manifest is not valid JSON: " + e.Message);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw Invalid("manifest must be a JSON object");
            if (root.TryGetProperty("schemaVersion", out var version) && (version.ValueKind != JsonValueKind.Number || version.GetInt32() != 2))
                throw Invalid("only schemaVersion 2 manifests are supported");
            var declared = String(root, "mediaType");
            var type = StripParameters(contentType);
            if (string.IsNullOrEmpty(type) || type is "application/octet-stream" or "application/json") type = null;
            if (declared is not null && type is not null && declared != type)
                throw Invalid($"mediaType {declared} does not match Content-Type {type}");
            var hasManifests = root.TryGetProperty("manifests", out var manifests);
            var mediaType = type ?? declared ?? (hasManifests ? MediaTypes.OciIndex : MediaTypes.OciManifest);
            var isIndex = MediaTypes.IsIndex(mediaType) || (!MediaTypes.IsManifest(mediaType) && hasManifests && !root.TryGetProperty("config", out _));
            if (!isIndex && !MediaTypes.IsManifest(mediaType) && !mediaType.EndsWith("+json", StringComparison.Ordinal) && !root.TryGetProperty("config", out _))
                throw Invalid($"unsupported manifest media type {mediaType}");
            var subject = root.TryGetProperty("subject", out var s) ? ReadDescriptor(s, "subject") : null;
            var annotations = root.TryGetProperty("annotations", out var a) && a.ValueKind == JsonValueKind.Object
                ? a.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal)
                : null;
            if (isIndex)
            {
                if (!hasManifests || manifests.ValueKind != JsonValueKind.Array) throw Invalid("an index needs a manifests array");
                return new ParsedManifest
                {
                    MediaType = mediaType,
                    IsIndex = true,
                    Manifests = manifests.EnumerateArray().Select(m => ReadDescriptor(m, "manifests")).ToList(),
                    Subject = subject,
                    ArtifactType = String(root, "artifactType"),
                    Annotations = annotations,
                };
            }
            if (!root.TryGetProperty("config", out var config)) throw Invalid("a manifest needs a config descriptor");
            var layers = root.TryGetProperty("layers", out var l) && l.ValueKind == JsonValueKind.Array
                ? l.EnumerateArray().Select(x => ReadDescriptor(x, "layers")).ToList()
                : [];
            return new ParsedManifest
            {
                MediaType = mediaType,
                Config = ReadDescriptor(config, "config"),
                Layers = layers,
                Subject = subject,
                ArtifactType = String(root, "artifactType"),
                Annotations = annotations,
            };
        }
    }

    public static string? StripParameters(string? contentType)
    {
        if (contentType is null) return null;
        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon >= 0 ? contentType[..semicolon] : contentType).Trim();
    }

    private static Descriptor ReadDescriptor(JsonElement element, string field)
    {
        Descriptor? descriptor;
        try
        {
            descriptor = element.Deserialize(OciJsonContext.Default.Descriptor);
        }
        catch (JsonException e)
        {
            throw Invalid($"{field}: invalid descriptor: {e.Message}");
        }
        if (descriptor is null || !Digest.TryParse(descriptor.Digest, out _)) throw Invalid($"{field}: invalid descriptor digest");
        if (descriptor.Size < 0) throw Invalid($"{field}: negative size");
        return descriptor;
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static RegistryException Invalid(string message) => new(RegistryErrorCode.ManifestInvalid, "manifest invalid", message);
}
