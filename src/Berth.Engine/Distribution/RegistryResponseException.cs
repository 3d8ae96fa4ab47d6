using Berth.Core;

namespace Berth.Engine.Distribution;

/// <summary>A registry answered with an error status; <see cref="Error"/> is the first error of its body, when it had one.</summary>
public sealed class RegistryResponseException : BerthException
{
    public RegistryResponseException(ErrorKind kind, string message, int status, RegistryError? error) : base(kind, message)
    {
        Status = status;
        Error = error;
    }

    public int Status { get; }

    public RegistryError? Error { get; }

    /// <summary>The error's spec code (<c>MANIFEST_UNKNOWN</c>), or null.</summary>
    public string? Code => Error?.Code;
}
