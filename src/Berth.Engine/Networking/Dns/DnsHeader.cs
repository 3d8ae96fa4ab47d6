namespace Berth.Engine.Networking.Dns;

/// <summary>The 12-byte header of a DNS message (RFC 1035 §4.1.1), with accessors for the flag bits.</summary>
public readonly record struct DnsHeader(ushort Id, ushort Flags, ushort QuestionCount, ushort AnswerCount, ushort AuthorityCount, ushort AdditionalCount)
{
    public const int Size = 12;
    private const ushort ResponseBit = 0x8000;
    private const ushort AuthoritativeBit = 0x0400;
    private const ushort TruncatedBit = 0x0200;
    private const ushort RecursionDesiredBit = 0x0100;
    private const ushort RecursionAvailableBit = 0x0080;

    public bool IsResponse => (Flags & ResponseBit) != 0;
    public int Opcode => (Flags >> 11) & 0xf;
    public bool IsTruncated => (Flags & TruncatedBit) != 0;
    public bool RecursionDesired => (Flags & RecursionDesiredBit) != 0;
    public int ResponseCode => Flags & 0xf;

    /// <summary>The flags of an answer to a query with <paramref name="queryFlags"/>: QR set, opcode and RD copied, RA set.</summary>
    public static ushort ResponseFlags(ushort queryFlags, int responseCode, bool authoritative) =>
        (ushort)(ResponseBit | (queryFlags & 0x7800) | (queryFlags & RecursionDesiredBit) | RecursionAvailableBit
                 | (authoritative ? AuthoritativeBit : 0) | (responseCode & 0xf));
}
