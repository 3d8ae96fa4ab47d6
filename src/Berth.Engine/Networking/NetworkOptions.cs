namespace Berth.Engine.Networking;

/// <summary>
/// Daemon-level network settings (daemon.json <c>bridge</c>, <c>bip</c>, <c>default-address-pools</c>): the
/// default bridge's interface and gateway/prefix, and the pools user networks without <c>--subnet</c> draw from.
/// </summary>
public sealed record NetworkOptions
{
    public string BridgeName { get; init; } = "berth0";
    /// <summary>Gateway address with prefix, e.g. 172.30.0.1/16.</summary>
    public string BridgeIp { get; init; } = "172.30.0.1/16";
    public IReadOnlyList<AddressPool> AddressPools { get; init; } = [new AddressPool("172.31.0.0/16", 24), new AddressPool("10.210.0.0/16", 24)];
    /// <summary>Turn on <c>net.ipv4.ip_forward</c> when it is off (outbound traffic needs it).</summary>
    public bool EnableIpForward { get; init; } = true;
}
