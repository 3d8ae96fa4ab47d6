namespace Berth.Engine.Networking.Dns;

/// <summary>One resource record of an answer, authority or additional section; <see cref="Data"/> is the raw RDATA.</summary>
public sealed record DnsResourceRecord(string Name, ushort Type, ushort Class, uint TimeToLive, byte[] Data);
