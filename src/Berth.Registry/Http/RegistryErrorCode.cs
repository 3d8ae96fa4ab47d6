namespace Berth.Registry.Http;

/// <summary>The error codes of the distribution spec ("Error Codes" table) and the HTTP status each is sent with.</summary>
public enum RegistryErrorCode
{
    BlobUnknown,
    BlobUploadInvalid,
    BlobUploadUnknown,
    DigestInvalid,
    ManifestBlobUnknown,
    ManifestInvalid,
    ManifestUnknown,
    NameInvalid,
    NameUnknown,
    SizeInvalid,
    Unauthorized,
    Denied,
    Unsupported,
    RangeInvalid,
}
