namespace Berth.Engine.Networking;

/// <summary>
/// One bridge network as stored on disk (<c>&lt;data-root&gt;/network/&lt;id&gt;.json</c>), with its IP leases:
/// address → lease. The leases are written (crash-safe) before an address is used, so an address is never
/// handed out twice, also across daemon restarts.
/// </summary>
public sealed record NetworkRecord
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string Driver { get; init; } = "bridge";
    /// <summary>The Linux bridge interface (<c>berth0</c> for the default network, <c>br-&lt;id[..12]&gt;</c> otherwise).</summary>
    public required string Bridge { get; init; }
    /// <summary>CIDR, e.g. 172.30.0.0/16.</summary>
    public required string Subnet { get; init; }
    public required string Gateway { get; init; }
    public bool Internal { get; init; }
    /// <summary>The predefined network <c>bridge</c> (no name resolution between members, as with dockerd).</summary>
    public bool IsDefault { get; init; }
    public Dictionary<string, string> Labels { get; init; } = [];
    public DateTimeOffset Created { get; init; }
    public Dictionary<string, IpLease> Leases { get; init; } = [];
    /// <summary>The last address handed out: allocation continues after it, so a freed address is not reused at once.</summary>
    public string? LastAllocated { get; init; }
}
