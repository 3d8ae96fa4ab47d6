using Berth.Engine.Distribution;

namespace Berth.Engine.Build;

/// <summary>
/// One <c>docker build</c>: the Dockerfile path inside the context, tags, <c>--build-arg</c>s (a null value takes
/// nothing), labels for the final image, <c>--target</c>, <c>--no-cache</c>, and whether intermediate containers
/// are removed after a successful step (<c>--rm</c>) or always (<c>--force-rm</c>), and the credentials a FROM's
/// pull uses for a registry domain (the client's <c>X-Registry-Config</c>).
/// </summary>
public sealed record BuildRequest(
    string Dockerfile,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string?> BuildArgs,
    IReadOnlyDictionary<string, string> Labels,
    string? Target,
    bool NoCache,
    bool Remove = true,
    bool ForceRemove = false,
    Func<string, RegistryCredentials?>? Credentials = null);
