namespace Berth.Registry.Http;

/// <summary>A request the registry refuses with a spec error code; the endpoint turns it into the error JSON.</summary>
public sealed class RegistryException : Exception
{
    public RegistryException(RegistryErrorCode code, string message, string? detail = null) : base(message)
    {
        Code = code;
        Detail = detail;
    }

    public RegistryException() : this(RegistryErrorCode.Unsupported, "unsupported") { }

    public RegistryException(string message) : this(RegistryErrorCode.Unsupported, message) { }

    public RegistryException(string message, Exception inner) : base(message, inner) => Code = RegistryErrorCode.Unsupported;

    public RegistryErrorCode Code { get; }

    /// <summary>A status other than the code's usual one (413 for an oversized manifest).</summary>
    public int? StatusOverride { get; init; }

    public string? Detail { get; }

    /// <summary>The code's wire name (<c>BLOB_UNKNOWN</c> …).</summary>
    public static string WireName(RegistryErrorCode code) => code switch
    {
        RegistryErrorCode.BlobUnknown => "BLOB_UNKNOWN",
        RegistryErrorCode.BlobUploadInvalid => "BLOB_UPLOAD_INVALID",
        RegistryErrorCode.BlobUploadUnknown => "BLOB_UPLOAD_UNKNOWN",
        RegistryErrorCode.DigestInvalid => "DIGEST_INVALID",
        RegistryErrorCode.ManifestBlobUnknown => "MANIFEST_BLOB_UNKNOWN",
        RegistryErrorCode.ManifestInvalid => "MANIFEST_INVALID",
        RegistryErrorCode.ManifestUnknown => "MANIFEST_UNKNOWN",
        RegistryErrorCode.NameInvalid => "NAME_INVALID",
        RegistryErrorCode.NameUnknown => "NAME_UNKNOWN",
        RegistryErrorCode.SizeInvalid => "SIZE_INVALID",
        RegistryErrorCode.Unauthorized => "UNAUTHORIZED",
        RegistryErrorCode.Denied => "DENIED",
        RegistryErrorCode.RangeInvalid => "BLOB_UPLOAD_INVALID",
        _ => "UNSUPPORTED",
    };

    /// <summary>The HTTP status a code is answered with.</summary>
    public static int Status(RegistryErrorCode code) => code switch
    {
        RegistryErrorCode.BlobUnknown or RegistryErrorCode.BlobUploadUnknown or RegistryErrorCode.ManifestUnknown
            or RegistryErrorCode.NameUnknown => StatusCodes.Status404NotFound,
        RegistryErrorCode.Unauthorized => StatusCodes.Status401Unauthorized,
        RegistryErrorCode.Denied => StatusCodes.Status403Forbidden,
        RegistryErrorCode.Unsupported => StatusCodes.Status405MethodNotAllowed,
        RegistryErrorCode.RangeInvalid => StatusCodes.Status416RangeNotSatisfiable,
        _ => StatusCodes.Status400BadRequest,
    };

    public static RegistryException NameUnknown(string name) => new(RegistryErrorCode.NameUnknown, "repository name not known to registry", name);

    public static RegistryException BlobUnknown(string digest) => new(RegistryErrorCode.BlobUnknown, "blob unknown to registry", digest);

    public static RegistryException ManifestUnknown(string reference) => new(RegistryErrorCode.ManifestUnknown, "manifest unknown", reference);

    public static RegistryException UploadUnknown(string uuid) => new(RegistryErrorCode.BlobUploadUnknown, "blob upload unknown to registry", uuid);

    public static RegistryException DigestInvalid(string message, string? detail = null) => new(RegistryErrorCode.DigestInvalid, message, detail);
}
