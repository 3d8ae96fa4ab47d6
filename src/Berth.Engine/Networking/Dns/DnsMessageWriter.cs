using System.Buffers.Binary;
using System.Text;

namespace Berth.Engine.Networking.Dns;

/// <summary>
/// Writes a DNS message section by section (header first). Names are compressed against the names written
/// before them (RFC 1035 §4.1.4), so an answer's owner name becomes a pointer to the question.
/// </summary>
public sealed class DnsMessageWriter
{
    private readonly List<byte> _bytes = new(512);
    private readonly Dictionary<string, int> _nameOffsets = new(StringComparer.OrdinalIgnoreCase);

    public int Length => _bytes.Count;

    public DnsMessageWriter Header(DnsHeader header)
    {
        if (_bytes.Count != 0) throw new InvalidOperationException("the header comes first");
        U16(header.Id).U16(header.Flags).U16(header.QuestionCount).U16(header.AnswerCount).U16(header.AuthorityCount).U16(header.AdditionalCount);
        return this;
    }

    public DnsMessageWriter Question(DnsQuestion question) => Name(question.Name).U16(question.Type).U16(question.Class);

    public DnsMessageWriter Record(DnsResourceRecord record)
    {
        Name(record.Name).U16(record.Type).U16(record.Class);
        Span<byte> ttl = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(ttl, record.TimeToLive);
        _bytes.AddRange(ttl);
        U16((ushort)record.Data.Length);
        _bytes.AddRange(record.Data);
        return this;
    }

    /// <summary>A name as RDATA (PTR), compressed like owner names.</summary>
    public static byte[] NameData(string name) => new DnsMessageWriter().Name(name).ToArray();

    public byte[] ToArray() => [.. _bytes];

    /// <summary>The answer to <paramref name="query"/>: its ID, opcode, RD bit and questions echoed, with the given code and answers.</summary>
    public static byte[] Response(DnsHeader query, IReadOnlyList<DnsQuestion> questions, int responseCode, IReadOnlyList<DnsResourceRecord> answers, bool authoritative)
    {
        var writer = new DnsMessageWriter().Header(new DnsHeader(query.Id, DnsHeader.ResponseFlags(query.Flags, responseCode, authoritative),
            (ushort)questions.Count, (ushort)answers.Count, 0, 0));
        foreach (var question in questions) writer.Question(question);
        foreach (var answer in answers) writer.Record(answer);
        return writer.ToArray();
    }

    private DnsMessageWriter Name(string name)
    {
        var labels = DnsMessage.Labels(name);
        for (var i = 0; i < labels.Count; i++)
        {
            var suffix = string.Join('.', labels.Skip(i));
            if (_nameOffsets.TryGetValue(suffix, out var pointer))
            {
                U16((ushort)(0xc000 | pointer));
                return this;
            }
            if (_bytes.Count < 0x4000) _nameOffsets[suffix] = _bytes.Count;
            var bytes = Encoding.ASCII.GetBytes(labels[i]);
            _bytes.Add((byte)bytes.Length);
            _bytes.AddRange(bytes);
        }
        _bytes.Add(0);
        return this;
    }

    private DnsMessageWriter U16(ushort value)
    {
        _bytes.Add((byte)(value >> 8));
        _bytes.Add((byte)value);
        return this;
    }
}
