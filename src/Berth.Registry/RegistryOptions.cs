using Berth.Registry.Auth;

namespace Berth.Registry;

/// <summary>How a registry serves: where it stores, and who may use it.</summary>
public sealed class RegistryOptions
{
    /// <summary>The storage root (blobs under <c>content/</c>, repositories under <c>repositories/</c>).</summary>
    public required string Root { get; init; }

    public RegistryAuthMode Auth { get; init; } = RegistryAuthMode.None;

    /// <summary>Users and bcrypt hashes; required for <see cref="RegistryAuthMode.Basic"/>, optional for token auth
    /// (without it, anyone gets a token).</summary>
    public Htpasswd? Users { get; init; }

    /// <summary>Basic realm and bearer service name.</summary>
    public string Service { get; init; } = "berth-registry";

    /// <summary>How long an issued bearer token is valid.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The largest manifest accepted (413 above it).</summary>
    public int MaxManifestBytes { get; init; } = 4 << 20;

    /// <summary>An upload without a byte written for this long is abandoned and removed.</summary>
    public TimeSpan UploadMaxAge { get; init; } = Storage.UploadManager.DefaultMaxAge;

    /// <summary>How often the server removes abandoned uploads (also once at start); zero or less: never.</summary>
    public TimeSpan UploadPurgeInterval { get; init; } = TimeSpan.FromHours(1);

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
