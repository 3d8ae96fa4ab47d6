using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Berth.Core;
using Berth.Core.Interop;

namespace Berth.Engine.Networking;

/// <summary>
/// A NETLINK_ROUTE socket, bound to the network namespace of the thread that opened it. Each request asks
/// for an acknowledgement and waits for it; a negative error in the ack becomes a <see cref="BerthException"/>.
/// Not thread-safe: one socket per operation.
/// </summary>
public sealed class NetlinkSocket : IDisposable
{
    private const ushort NLMSG_ERROR = 2;
    private readonly int _fd;
    private uint _sequence;

    public NetlinkSocket()
    {
        _fd = Libc.NetlinkSocket(Libc.AF_NETLINK, Libc.SOCK_RAW | Libc.O_CLOEXEC /* SOCK_CLOEXEC has the same value */, Libc.NETLINK_ROUTE);
        Errno.ThrowIfError(_fd, "socket", "AF_NETLINK");
    }

    /// <summary>Sends the request and waits for its ack; returns 0 or, when <paramref name="tolerated"/> names it, that errno.</summary>
    public unsafe int Request(NetlinkMessage message, string what, params int[] tolerated)
    {
        var sequence = ++_sequence;
        var bytes = message.ToArray(sequence);
        fixed (byte* p = bytes)
        {
            var sent = Libc.Send(_fd, p, (nuint)bytes.Length, 0);
            Errno.ThrowIfError((int)sent, "netlink send", what);
        }
        var buffer = new byte[8192];
        while (true)
        {
            nint received;
            fixed (byte* p = buffer) received = Libc.Recv(_fd, p, (nuint)buffer.Length, 0);
            if (received < 0 && Errno.Last == Errno.EINTR) continue;
            Errno.ThrowIfError((int)received, "netlink recv", what);
            for (var offset = 0; offset + 16 <= received;)
            {
                var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(offset));
                var type = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(offset + 4));
                var seq = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(offset + 8));
                if (length < 16) break;
                if (type == NLMSG_ERROR && seq == sequence)
                {
                    var error = -BinaryPrimitives.ReadInt32LittleEndian(buffer.AsSpan(offset + 16));
                    if (error == 0 || tolerated.Contains(error)) return error;
                    throw new BerthException(ErrorKind.Internal, $"{what}: {Marshal.GetPInvokeErrorMessage(error)}");
                }
                offset += (length + 3) & ~3;
            }
        }
    }

    public void Dispose() => _ = Libc.Close(_fd);
}
