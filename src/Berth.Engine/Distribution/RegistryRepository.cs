namespace Berth.Engine.Distribution;

/// <summary>
/// A repository at an endpoint, with the credentials to use there and the access wanted (the token scope's
/// actions: <c>pull</c> or <c>pull,push</c>). <paramref name="MountFrom"/> adds pull access to another
/// repository for a cross-repository mount.
/// </summary>
public sealed record RegistryRepository(RegistryEndpoint Endpoint, string Name, RegistryCredentials? Credentials, bool Push = false)
{
    /// <summary>The token scopes (distribution token spec: <c>repository:NAME:ACTIONS</c>).</summary>
    public IReadOnlyList<string> Scopes(string? mountFrom = null)
    {
        var scopes = new List<string> { $"repository:{Name}:{(Push ? "pull,push" : "pull")}" };
        if (mountFrom is not null && mountFrom != Name) scopes.Add($"repository:{mountFrom}:pull");
        return scopes;
    }
}
