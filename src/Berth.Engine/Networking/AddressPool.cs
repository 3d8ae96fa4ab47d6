namespace Berth.Engine.Networking;

/// <summary>A <c>default-address-pools</c> entry: user networks get <c>/Size</c> subnets carved out of <c>Base</c>.</summary>
public sealed record AddressPool(string Base, int Size);
