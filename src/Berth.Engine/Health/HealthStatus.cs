namespace Berth.Engine.Health;

/// <summary>Docker's health statuses (<c>State.Health.Status</c>); the wire spells them in lower case.</summary>
public enum HealthStatus
{
    Starting,
    Healthy,
    Unhealthy,
}
