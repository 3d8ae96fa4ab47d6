namespace Berth.Engine.Health;

/// <summary>
/// What berth does when a container becomes unhealthy (<c>--health-on-failure</c>, podman's option; a berth
/// extension carried as the label <see cref="HealthFailureActions.Label"/>).
/// </summary>
public enum HealthFailureAction
{
    None,
    Kill,
    Restart,
    Stop,
}
