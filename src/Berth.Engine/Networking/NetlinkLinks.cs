using System.Globalization;
using Berth.Core;
using Berth.Core.Interop;

namespace Berth.Engine.Networking;

/// <summary>
/// The rtnetlink requests berthd needs per container (what <c>ip link/addr/route</c> would send): a veth pair
/// whose peer is born inside a namespace, links up and enslaved to a bridge, an IPv4 address, a default route,
/// deleting a link. Each runs on a <see cref="NetlinkSocket"/> of the namespace it acts in.
/// </summary>
public static class NetlinkLinks
{
    private const ushort RTM_NEWLINK = 16;
    private const ushort RTM_DELLINK = 17;
    private const ushort RTM_NEWADDR = 20;
    private const ushort RTM_NEWROUTE = 24;
    private const ushort IFLA_ADDRESS = 1;
    private const ushort IFLA_IFNAME = 3;
    private const ushort IFLA_MASTER = 10;
    private const ushort IFLA_LINKINFO = 18;
    private const ushort IFLA_NET_NS_FD = 28;
    private const ushort IFLA_INFO_KIND = 1;
    private const ushort IFLA_INFO_DATA = 2;
    private const ushort VETH_INFO_PEER = 1;
    private const ushort IFA_ADDRESS = 1;
    private const ushort IFA_LOCAL = 2;
    private const ushort RTA_GATEWAY = 5;
    private const byte AF_INET = 2;
    private const uint IFF_UP = 1;

    /// <summary>A veth pair: <paramref name="hostName"/> here, <paramref name="peerName"/> (with <paramref name="peerMac"/>) inside the namespace of <paramref name="peerNamespaceFd"/>.</summary>
    public static void AddVethPair(NetlinkSocket socket, string hostName, string peerName, string peerMac, int peerNamespaceFd)
    {
        var message = new NetlinkMessage(RTM_NEWLINK, NetlinkMessage.NLM_F_CREATE | NetlinkMessage.NLM_F_EXCL)
            .InterfaceInfo()
            .Attribute(IFLA_IFNAME, hostName);
        var linkInfo = message.BeginNest(IFLA_LINKINFO);
        message.Attribute(IFLA_INFO_KIND, "veth");
        var data = message.BeginNest(IFLA_INFO_DATA);
        var peer = message.BeginNest(VETH_INFO_PEER);
        message.InterfaceInfo()
            .Attribute(IFLA_IFNAME, peerName)
            .Attribute(IFLA_ADDRESS, ParseMac(peerMac))
            .Attribute(IFLA_NET_NS_FD, (uint)peerNamespaceFd);
        message.EndNest(peer).EndNest(data).EndNest(linkInfo);
        socket.Request(message, $"add veth pair {hostName}/{peerName}");
    }

    /// <summary>Sets a link up, enslaving it to the bridge <paramref name="masterIndex"/> first when given.</summary>
    public static void SetUp(NetlinkSocket socket, int index, string name, int masterIndex = 0)
    {
        var message = new NetlinkMessage(RTM_NEWLINK, 0).InterfaceInfo(index, IFF_UP, IFF_UP);
        if (masterIndex > 0) message.Attribute(IFLA_MASTER, (uint)masterIndex);
        socket.Request(message, $"set link {name} up");
    }

    public static void AddAddress(NetlinkSocket socket, int index, uint address, int prefixLength, string name)
    {
        var bytes = AddressBytes(address);
        var message = new NetlinkMessage(RTM_NEWADDR, NetlinkMessage.NLM_F_CREATE | NetlinkMessage.NLM_F_EXCL)
            .U8(AF_INET).U8((byte)prefixLength).U8(0).U8(0).U32((uint)index)
            .Attribute(IFA_LOCAL, bytes)
            .Attribute(IFA_ADDRESS, bytes);
        socket.Request(message, $"add address {Ipv4Subnet.Format(address)}/{prefixLength} to {name}");
    }

    /// <summary>The default route via <paramref name="gateway"/> in the main table.</summary>
    public static void AddDefaultRoute(NetlinkSocket socket, uint gateway)
    {
        // rtmsg: family, dst_len 0, src_len, tos, table main (254), protocol boot (3), scope universe, type unicast; flags.
        var message = new NetlinkMessage(RTM_NEWROUTE, NetlinkMessage.NLM_F_CREATE | NetlinkMessage.NLM_F_EXCL)
            .U8(AF_INET).U8(0).U8(0).U8(0).U8(254).U8(3).U8(0).U8(1).U32(0)
            .Attribute(RTA_GATEWAY, AddressBytes(gateway));
        socket.Request(message, $"add default route via {Ipv4Subnet.Format(gateway)}");
    }

    /// <summary>Deletes a link by name (a veth takes its peer along); a link that is gone already is fine.</summary>
    public static void Delete(NetlinkSocket socket, string name)
    {
        var message = new NetlinkMessage(RTM_DELLINK, 0).InterfaceInfo().Attribute(IFLA_IFNAME, name);
        socket.Request(message, $"delete link {name}", Libc.ENODEV);
    }

    /// <summary>The index of a link in the calling thread's namespace.</summary>
    public static int Index(string name)
    {
        var index = Libc.IfNameToIndex(name);
        if (index == 0) throw new BerthException(ErrorKind.Internal, $"network interface {name} not found");
        return (int)index;
    }

    private static byte[] AddressBytes(uint address) =>
        [(byte)(address >> 24), (byte)(address >> 16), (byte)(address >> 8), (byte)address];

    private static byte[] ParseMac(string mac) =>
        mac.Split(':').Select(part => byte.Parse(part, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();
}
