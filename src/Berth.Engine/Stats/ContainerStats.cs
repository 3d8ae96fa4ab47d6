namespace Berth.Engine.Stats;

/// <summary>
/// Stats of one container: the current sample and the one before it (for CPU %). Both null for a container
/// that is not running (Docker answers zeros then); Previous null when no earlier sample exists.
/// </summary>
public sealed record ContainerStats(string Id, string Name, StatsSample? Current, StatsSample? Previous);
