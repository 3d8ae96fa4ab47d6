namespace Berth.Engine.Networking.Dns;

/// <summary>The resource record types (RFC 1035 §3.2.2, RFC 3596) the embedded DNS server looks at.</summary>
public static class DnsRecordType
{
    public const ushort A = 1;
    public const ushort Ptr = 12;
    public const ushort Aaaa = 28;
    public const ushort Any = 255;
    /// <summary>Class IN.</summary>
    public const ushort ClassInternet = 1;
}
