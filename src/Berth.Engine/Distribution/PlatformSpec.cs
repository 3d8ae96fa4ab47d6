using System.Runtime.InteropServices;
using Berth.Core;
using Berth.Core.Oci;

namespace Berth.Engine.Distribution;

/// <summary>A wanted platform, <c>os/arch[/variant]</c> (the <c>--platform</c> flag); the default is the host's.</summary>
public sealed record PlatformSpec(string Os, string Architecture, string? Variant)
{
    public static PlatformSpec Host { get; } = new("linux", HostArchitecture(), null);

    public static PlatformSpec Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Host;
        var parts = text.Trim().ToLowerInvariant().Split('/');
        if (parts.Length > 3 || parts.Any(p => p.Length == 0))
            throw BerthException.Invalid($"\"{text}\": unknown operating system or architecture: invalid argument");
        var os = parts[0];
        var architecture = parts.Length > 1 ? NormaliseArchitecture(parts[1]) : Host.Architecture;
        var variant = parts.Length > 2 ? parts[2] : null;
        if (architecture == "arm64" && variant == "v8") variant = null;
        return new PlatformSpec(os, architecture, variant);
    }

    /// <summary>Whether an index entry's platform satisfies this one (no variant wanted: any variant).</summary>
    public bool Matches(Platform? platform) =>
        platform is not null
        && platform.Os.Equals(Os, StringComparison.OrdinalIgnoreCase)
        && NormaliseArchitecture(platform.Architecture) == Architecture
        && (Variant is null || string.Equals(NormaliseVariant(platform), Variant, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Variant is null ? $"{Os}/{Architecture}" : $"{Os}/{Architecture}/{Variant}";

    private static string? NormaliseVariant(Platform platform) =>
        NormaliseArchitecture(platform.Architecture) == "arm64" && platform.Variant == "v8" ? null : platform.Variant;

    private static string NormaliseArchitecture(string architecture) => architecture.ToLowerInvariant() switch
    {
        "x86_64" or "x86-64" => "amd64",
        "aarch64" => "arm64",
        "i386" => "386",
        var other => other,
    };

    private static string HostArchitecture() => RuntimeInformation.OSArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => "amd64",
        System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
        System.Runtime.InteropServices.Architecture.Arm => "arm",
        System.Runtime.InteropServices.Architecture.X86 => "386",
        System.Runtime.InteropServices.Architecture.S390x => "s390x",
        System.Runtime.InteropServices.Architecture.Ppc64le => "ppc64le",
        _ => "amd64",
    };
}
