namespace Berth.Engine.Networking.Dns;

/// <summary>One entry of the question section: a name (dotted, without the trailing dot), its type and class.</summary>
public sealed record DnsQuestion(string Name, ushort Type, ushort Class);
