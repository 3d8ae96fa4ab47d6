using System.Text.RegularExpressions;
using Berth.Registry.Http;

namespace Berth.Registry.Storage;

/// <summary>Repository names and tags as the distribution spec's grammar allows them.</summary>
public static partial class RepositoryName
{
    public const int MaxLength = 255;

    public static bool IsValid(string name) => name.Length <= MaxLength && NamePattern().IsMatch(name);

    public static bool IsValidTag(string tag) => TagPattern().IsMatch(tag);

    public static void Validate(string name)
    {
        if (!IsValid(name)) throw new RegistryException(RegistryErrorCode.NameInvalid, "invalid repository name", name);
    }

    [GeneratedRegex(@"^[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*(/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$")]
    private static partial Regex TagPattern();
}
