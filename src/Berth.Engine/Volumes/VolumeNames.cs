using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Berth.Core;

namespace Berth.Engine.Volumes;

/// <summary>Names of local volumes: dockerd's rule (a letter or digit, then letters, digits, <c>_ . -</c>), never a path.</summary>
public static partial class VolumeNames
{
    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_.-]+$")]
    private static partial Regex Valid();

    public static bool IsValid(string name) => Valid().IsMatch(name);

    /// <summary>Throws InvalidArgument with dockerd's text for a name that is not a valid volume name.</summary>
    public static string Validate(string name)
    {
        if (!IsValid(name))
            throw BerthException.Invalid(
                $"create {name}: \"{name}\" includes invalid characters for a local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host directory, use absolute path");
        return name;
    }

    /// <summary>A new anonymous volume's name: 64 random hex digits, as dockerd.</summary>
    public static string NewAnonymous() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
