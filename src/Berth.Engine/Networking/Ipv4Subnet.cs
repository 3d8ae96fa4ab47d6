using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Berth.Core;

namespace Berth.Engine.Networking;

/// <summary>An IPv4 subnet as numbers: the arithmetic IPAM and overlap checks need.</summary>
public readonly record struct Ipv4Subnet(uint Network, int PrefixLength)
{
    public uint Mask => PrefixLength == 0 ? 0 : uint.MaxValue << (32 - PrefixLength);
    public uint Broadcast => Network | ~Mask;
    public uint Size => ~Mask + 1;

    public static Ipv4Subnet Parse(string cidr)
    {
        var slash = cidr.IndexOf('/');
        if (slash < 0 || !int.TryParse(cidr.AsSpan(slash + 1), out var prefix) || prefix is < 1 or > 30
            || !IPAddress.TryParse(cidr.AsSpan(0, slash), out var address) || address.AddressFamily != AddressFamily.InterNetwork)
            throw BerthException.Invalid($"invalid subnet {cidr}: an IPv4 CIDR with a prefix of /1 to /30 is required");
        var subnet = new Ipv4Subnet(ToUInt(address), prefix);
        return subnet with { Network = subnet.Network & subnet.Mask };
    }

    public static uint ParseAddress(string address) =>
        IPAddress.TryParse(address, out var ip) && ip.AddressFamily == AddressFamily.InterNetwork
            ? ToUInt(ip)
            : throw BerthException.Invalid($"invalid IPv4 address: {address}");

    public static uint ToUInt(IPAddress address) => BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes());

    public static string Format(uint address)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, address);
        return new IPAddress(bytes).ToString();
    }

    /// <summary>A usable host address: not the network or broadcast address.</summary>
    public bool ContainsHost(uint address) => (address & Mask) == Network && address != Network && address != Broadcast;

    public bool Overlaps(Ipv4Subnet other)
    {
        var mask = PrefixLength < other.PrefixLength ? Mask : other.Mask;
        return (Network & mask) == (other.Network & mask);
    }

    public override string ToString() => $"{Format(Network)}/{PrefixLength}";
}
