using System.Buffers.Binary;
using Berth.Engine.Networking;

namespace Berth.Engine.Tests.Networking;

public sealed class NetlinkMessageTests
{
    [Fact]
    public void HeaderLengthSequenceAndAckFlagsArePatchedIn()
    {
        var bytes = new NetlinkMessage(16, NetlinkMessage.NLM_F_CREATE).InterfaceInfo(7, 1, 1).ToArray(42);
        Assert.Equal(32, bytes.Length);
        Assert.Equal(32u, BinaryPrimitives.ReadUInt32LittleEndian(bytes));
        Assert.Equal(16, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(4)));
        Assert.Equal(NetlinkMessage.NLM_F_CREATE | NetlinkMessage.NLM_F_REQUEST | NetlinkMessage.NLM_F_ACK, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(6)));
        Assert.Equal(42u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)));
        Assert.Equal(7, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(20)));
    }

    [Fact]
    public void StringAttributesAreNulTerminatedAndPaddedAndNestsCarryTheirLength()
    {
        var message = new NetlinkMessage(16, 0);
        var nest = message.BeginNest(18);
        message.Attribute(1, "veth");
        message.EndNest(nest);
        var bytes = message.ToArray(1);
        // nest header (4) + attribute header (4) + "veth\0" (5) padded to 8 = 16 bytes after the 16-byte header.
        Assert.Equal(32, bytes.Length);
        Assert.Equal(16, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(16)));
        Assert.Equal(18, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(18)));
        Assert.Equal(9, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(20)));
        Assert.Equal("veth\0"u8.ToArray(), bytes.AsSpan(24, 5).ToArray());
        Assert.All(bytes.AsSpan(29, 3).ToArray(), b => Assert.Equal(0, b));
    }
}
