namespace Berth.Engine.Distribution;

/// <summary>
/// What a client gave to authenticate against one registry (Docker's AuthConfig, decoded): a user name and
/// password, or a registry token used as the Bearer token as is.
/// </summary>
public sealed record RegistryCredentials(string? Username, string? Password, string? RegistryToken = null)
{
    public bool HasPassword => !string.IsNullOrEmpty(Username) && Password is not null;
}
