using System.Buffers.Binary;
using System.Text;

namespace Berth.Engine.Networking.Dns;

/// <summary>
/// A parsed DNS message (RFC 1035 §4): header, questions and the resource records of the three other sections.
/// Names may be compressed (§4.1.4); pointers must point backwards, so a message cannot make the reader loop.
/// </summary>
public sealed record DnsMessage(DnsHeader Header, IReadOnlyList<DnsQuestion> Questions, IReadOnlyList<DnsResourceRecord> Answers,
    IReadOnlyList<DnsResourceRecord> Authorities, IReadOnlyList<DnsResourceRecord> Additionals)
{
    private const int MaxNameLength = 255;
    private const int MaxLabelLength = 63;

    /// <summary>The header alone (enough to answer FORMERR to a message whose body does not parse).</summary>
    public static bool TryReadHeader(ReadOnlySpan<byte> message, out DnsHeader header)
    {
        if (message.Length < DnsHeader.Size)
        {
            header = default;
            return false;
        }
        header = new DnsHeader(U16(message, 0), U16(message, 2), U16(message, 4), U16(message, 6), U16(message, 8), U16(message, 10));
        return true;
    }

    /// <exception cref="DnsFormatException">The message is truncated or malformed.</exception>
    public static DnsMessage Parse(ReadOnlySpan<byte> message)
    {
        if (!TryReadHeader(message, out var header)) throw new DnsFormatException("message shorter than its header");
        var offset = DnsHeader.Size;
        var questions = new List<DnsQuestion>(header.QuestionCount);
        for (var i = 0; i < header.QuestionCount; i++)
        {
            var name = ReadName(message, ref offset);
            Need(message, offset, 4);
            questions.Add(new DnsQuestion(name, U16(message, offset), U16(message, offset + 2)));
            offset += 4;
        }
        var answers = ReadRecords(message, header.AnswerCount, ref offset);
        var authorities = ReadRecords(message, header.AuthorityCount, ref offset);
        var additionals = ReadRecords(message, header.AdditionalCount, ref offset);
        return new DnsMessage(header, questions, answers, authorities, additionals);
    }

    /// <summary>Reads a (possibly compressed) name at <paramref name="offset"/>, which moves past it.</summary>
    public static string ReadName(ReadOnlySpan<byte> message, ref int offset)
    {
        var name = new StringBuilder();
        var position = offset;
        var jumped = false;
        var length = 0;
        while (true)
        {
            Need(message, position, 1);
            var labelLength = message[position];
            if ((labelLength & 0xc0) == 0xc0)
            {
                Need(message, position, 2);
                var target = ((labelLength & 0x3f) << 8) | message[position + 1];
                if (target >= position) throw new DnsFormatException("compression pointer does not point backwards");
                if (!jumped) offset = position + 2;
                jumped = true;
                position = target;
                continue;
            }
            if ((labelLength & 0xc0) != 0) throw new DnsFormatException("unsupported label type");
            position++;
            if (labelLength == 0) break;
            Need(message, position, labelLength);
            length += labelLength + 1;
            if (length > MaxNameLength) throw new DnsFormatException("name longer than 255 bytes");
            if (name.Length > 0) name.Append('.');
            name.Append(Encoding.ASCII.GetString(message.Slice(position, labelLength)));
            position += labelLength;
        }
        if (!jumped) offset = position;
        return name.ToString();
    }

    /// <summary>Splits a dotted name into labels, checking the lengths DNS allows.</summary>
    public static IReadOnlyList<string> Labels(string name)
    {
        var trimmed = name.TrimEnd('.');
        if (trimmed.Length == 0) return [];
        var labels = trimmed.Split('.');
        if (labels.Any(l => l.Length is 0 or > MaxLabelLength) || trimmed.Length + 2 > MaxNameLength)
            throw new DnsFormatException($"not a valid DNS name: {name}");
        return labels;
    }

    private static List<DnsResourceRecord> ReadRecords(ReadOnlySpan<byte> message, int count, ref int offset)
    {
        var records = new List<DnsResourceRecord>(count);
        for (var i = 0; i < count; i++)
        {
            var name = ReadName(message, ref offset);
            Need(message, offset, 10);
            var dataLength = U16(message, offset + 8);
            Need(message, offset + 10, dataLength);
            records.Add(new DnsResourceRecord(name, U16(message, offset), U16(message, offset + 2),
                BinaryPrimitives.ReadUInt32BigEndian(message[(offset + 4)..]), message.Slice(offset + 10, dataLength).ToArray()));
            offset += 10 + dataLength;
        }
        return records;
    }

    private static void Need(ReadOnlySpan<byte> message, int offset, int count)
    {
        if (offset + count > message.Length) throw new DnsFormatException("message truncated");
    }

    private static ushort U16(ReadOnlySpan<byte> message, int offset) => BinaryPrimitives.ReadUInt16BigEndian(message[offset..]);
}
