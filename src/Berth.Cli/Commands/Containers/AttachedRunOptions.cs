using Berth.Api;

namespace Berth.Cli.Commands.Containers;

/// <summary>How an attached run/start/attach behaves: stdin, TTY, signal proxy, detach keys.</summary>
/// <param name="DetachKeysSpec">The <c>--detach-keys</c> text (sent to the daemon too); null for the default.</param>
internal sealed record AttachedRunOptions(bool Interactive, bool Tty, bool AutoRemove, bool ProxySignals, string? DetachKeysSpec)
{
    /// <summary>The detach key bytes (the spec was validated by <see cref="Validate"/>).</summary>
    public IReadOnlyList<byte> DetachKeys =>
        string.IsNullOrEmpty(DetachKeysSpec) ? Api.DetachKeys.Default : Api.DetachKeys.Parse(DetachKeysSpec);

    /// <summary>Docker's check of <c>--detach-keys</c> before anything is created; null when fine.</summary>
    public static string? Validate(string? spec) =>
        string.IsNullOrEmpty(spec) || Api.DetachKeys.TryParse(spec, out _, out var error) ? null : $"invalid detach keys ({spec}): {error}";
}
