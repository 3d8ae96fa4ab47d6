using System.Buffers.Binary;
using System.Text;

namespace Berth.Engine.Networking;

/// <summary>
/// Builds one rtnetlink request: the 16-byte <c>nlmsghdr</c>, a fixed family header (ifinfomsg, ifaddrmsg,
/// rtmsg) written by the caller, then attributes (<c>rtattr</c>: length, type, payload padded to 4 bytes),
/// which may nest. Lengths are patched in when a message or a nest is closed.
/// </summary>
public sealed class NetlinkMessage
{
    public const ushort NLM_F_REQUEST = 1;
    public const ushort NLM_F_ACK = 4;
    public const ushort NLM_F_EXCL = 0x200;
    public const ushort NLM_F_CREATE = 0x400;

    private readonly List<byte> _bytes = new(256);

    public NetlinkMessage(ushort type, ushort flags)
    {
        Type = type;
        U32(0).U16(type).U16((ushort)(flags | NLM_F_REQUEST | NLM_F_ACK)).U32(0).U32(0);
    }

    public ushort Type { get; }

    public NetlinkMessage U8(byte value)
    {
        _bytes.Add(value);
        return this;
    }

    public NetlinkMessage U16(ushort value)
    {
        Span<byte> b = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(b, value);
        _bytes.AddRange(b);
        return this;
    }

    public NetlinkMessage U32(uint value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, value);
        _bytes.AddRange(b);
        return this;
    }

    /// <summary><c>ifinfomsg</c>: family AF_UNSPEC, the interface index (0: by name or new), flags and change mask.</summary>
    public NetlinkMessage InterfaceInfo(int index = 0, uint flags = 0, uint change = 0) =>
        U8(0).U8(0).U16(0).U32((uint)index).U32(flags).U32(change);

    public NetlinkMessage Attribute(ushort type, ReadOnlySpan<byte> payload)
    {
        U16((ushort)(4 + payload.Length)).U16(type);
        _bytes.AddRange(payload);
        Pad();
        return this;
    }

    public NetlinkMessage Attribute(ushort type, uint value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, value);
        return Attribute(type, b);
    }

    /// <summary>A NUL-terminated string attribute (interface names, link kinds).</summary>
    public NetlinkMessage Attribute(ushort type, string value) => Attribute(type, Encoding.ASCII.GetBytes(value + "\0"));

    /// <summary>Opens a nested attribute; close it with <see cref="EndNest"/> (which writes its length).</summary>
    public int BeginNest(ushort type)
    {
        var at = _bytes.Count;
        U16(0).U16(type);
        return at;
    }

    public NetlinkMessage EndNest(int at)
    {
        var length = (ushort)(_bytes.Count - at);
        _bytes[at] = (byte)length;
        _bytes[at + 1] = (byte)(length >> 8);
        return this;
    }

    /// <summary>The finished message with its length and sequence number.</summary>
    public byte[] ToArray(uint sequence)
    {
        var bytes = _bytes.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, (uint)bytes.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), sequence);
        return bytes;
    }

    private void Pad()
    {
        while (_bytes.Count % 4 != 0) _bytes.Add(0);
    }
}
