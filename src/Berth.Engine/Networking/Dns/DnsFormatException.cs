namespace Berth.Engine.Networking.Dns;

/// <summary>A DNS message that does not parse (truncated, a label too long, a compression loop…).</summary>
public sealed class DnsFormatException(string message) : Exception(message);
