using System.Net;

namespace Berth.Engine.Networking.Dns;

/// <summary>
/// Turns one query from a container into its answer: names of the asker's network members from
/// <see cref="DnsNameTable"/> (A; an empty NOERROR for AAAA, whose members have no IPv6), PTR for their
/// addresses, everything else through <see cref="DnsForwarder"/> to the container's upstream resolvers
/// (SERVFAIL when none answers). Returns null for what deserves no answer (not a query, no header).
/// </summary>
public sealed class DnsQueryAnswerer(DnsNameTable names, DnsForwarder forwarder)
{
    /// <summary>Docker's TTL for container names.</summary>
    public const uint TimeToLive = 600;

    public async Task<byte[]?> AnswerAsync(string askerId, IReadOnlyList<IPEndPoint> upstreams, ReadOnlyMemory<byte> query, bool overTcp, CancellationToken cancellationToken)
    {
        if (!DnsMessage.TryReadHeader(query.Span, out var header) || header.IsResponse) return null;
        DnsMessage message;
        try
        {
            message = DnsMessage.Parse(query.Span);
        }
        catch (DnsFormatException)
        {
            return DnsMessageWriter.Response(header, [], DnsResponseCode.FormatError, [], authoritative: false);
        }
        if (header.Opcode != 0) return DnsMessageWriter.Response(header, message.Questions, DnsResponseCode.NotImplemented, [], false);
        if (message.Questions.Count != 1) return DnsMessageWriter.Response(header, message.Questions, DnsResponseCode.FormatError, [], false);

        if (Local(askerId, message.Questions[0]) is { } answers)
            return DnsMessageWriter.Response(header, message.Questions, DnsResponseCode.NoError, answers, authoritative: true);
        if (!names.MayForward(askerId) || upstreams.Count == 0)
            return DnsMessageWriter.Response(header, message.Questions, DnsResponseCode.ServerFailure, [], false);
        var forwarded = await forwarder.ForwardAsync(query, header.Id, upstreams, overTcp, cancellationToken).ConfigureAwait(false);
        return forwarded ?? DnsMessageWriter.Response(header, message.Questions, DnsResponseCode.ServerFailure, [], false);
    }

    /// <summary>The answers for a name this server owns; null when the question is not about a member.</summary>
    private List<DnsResourceRecord>? Local(string askerId, DnsQuestion question)
    {
        if (question.Class != DnsRecordType.ClassInternet) return null;
        switch (question.Type)
        {
            case DnsRecordType.A or DnsRecordType.Aaaa or DnsRecordType.Any:
                var addresses = names.Lookup(askerId, question.Name);
                if (addresses.Count == 0) return null;
                if (question.Type == DnsRecordType.Aaaa) return [];
                return addresses.Select(a => new DnsResourceRecord(question.Name, DnsRecordType.A, DnsRecordType.ClassInternet, TimeToLive,
                    IPAddress.Parse(a).GetAddressBytes())).ToList();
            case DnsRecordType.Ptr:
                return names.ReverseLookup(askerId, question.Name) is { } target
                    ? [new DnsResourceRecord(question.Name, DnsRecordType.Ptr, DnsRecordType.ClassInternet, TimeToLive, DnsMessageWriter.NameData(target))]
                    : null;
            default:
                return null;
        }
    }
}
