using Berth.Core;

namespace Berth.Engine.Health;

/// <summary>Parsing and the wire form of <see cref="HealthFailureAction"/> (docs/health-checks.md).</summary>
public static class HealthFailureActions
{
    /// <summary>The container label that carries the action: docker clients can set it with <c>--label</c> too.</summary>
    public const string Label = "io.berth.health-on-failure";

    public static IReadOnlyList<string> Names { get; } = ["none", "kill", "restart", "stop"];

    /// <summary>The action the container's labels ask for; None when unset.</summary>
    /// <exception cref="BerthException">InvalidArgument for a value other than none, kill, restart, stop.</exception>
    public static HealthFailureAction FromLabels(IReadOnlyDictionary<string, string>? labels) =>
        labels is not null && labels.TryGetValue(Label, out var value) ? Parse(value) : HealthFailureAction.None;

    public static HealthFailureAction Parse(string value) => value switch
    {
        "none" or "" => HealthFailureAction.None,
        "kill" => HealthFailureAction.Kill,
        "restart" => HealthFailureAction.Restart,
        "stop" => HealthFailureAction.Stop,
        _ => throw BerthException.Invalid(
            $"invalid on-failure action \"{value}\" for health check: supported actions are: {string.Join(", ", Names)}"),
    };
}
