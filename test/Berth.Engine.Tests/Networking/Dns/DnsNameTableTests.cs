using Berth.Engine.Networking;
using Berth.Engine.Networking.Dns;

namespace Berth.Engine.Tests.Networking.Dns;

/// <summary>Which names a container sees: members of its user networks only (Docker's scoping), live from the leases.</summary>
public sealed class DnsNameTableTests
{
    private static NetworkRecord Network(string name, bool isDefault = false, bool isInternal = false, params (string Ip, IpLease Lease)[] leases) => new()
    {
        Id = name + "-id", Name = name, Bridge = "br-" + name, Subnet = "10.0.0.0/8", Gateway = "10.0.0.1", IsDefault = isDefault,
        Internal = isInternal, Leases = leases.ToDictionary(l => l.Ip, l => l.Lease),
    };

    private static readonly List<NetworkRecord> Networks =
    [
        Network("app", false, false, ("10.1.0.2", new IpLease("asker", "web", ["aaaaaaaaaaaa"])), ("10.1.0.3", new IpLease("db1", "db", ["database", "bbbbbbbbbbbb"])),
            ("10.1.0.4", new IpLease("db2", "db-replica", ["database"]))),
        Network("other", false, false, ("10.2.0.2", new IpLease("hidden", "secret", ["cccccccccccc"]))),
        Network("bridge", true, false, ("172.30.0.2", new IpLease("asker", "web", [])), ("172.30.0.3", new IpLease("onbridge", "plain", []))),
        Network("sealed", false, true, ("10.3.0.2", new IpLease("inside", "inside", []))),
    ];

    private readonly DnsNameTable _table = new(() => Networks);

    [Fact]
    public void NamesAliasesShortIdsAndNetworkQualifiedNamesOfTheAskersNetworksResolve()
    {
        Assert.Equal(["10.1.0.3"], _table.Lookup("asker", "db"));
        Assert.Equal(["10.1.0.3"], _table.Lookup("asker", "DB."));
        Assert.Equal(["10.1.0.3"], _table.Lookup("asker", "bbbbbbbbbbbb"));
        Assert.Equal(["10.1.0.3"], _table.Lookup("asker", "db.app"));
        Assert.Equal(["10.1.0.3", "10.1.0.4"], _table.Lookup("asker", "database"));
        Assert.Equal(["10.1.0.2"], _table.Lookup("asker", "web"));
    }

    [Fact]
    public void OtherNetworksAndTheDefaultBridgeAreNotVisible()
    {
        Assert.Empty(_table.Lookup("asker", "secret"));
        Assert.Empty(_table.Lookup("asker", "cccccccccccc"));
        Assert.Empty(_table.Lookup("asker", "plain"));
        Assert.Empty(_table.Lookup("asker", "db.other"));
        Assert.Empty(_table.Lookup("hidden", "db"));
        Assert.Empty(_table.Lookup("onbridge", "web"));
        Assert.Empty(_table.Lookup("asker", "example.com"));
    }

    [Fact]
    public void ReverseLookupsAnswerVisibleMembersOnly()
    {
        Assert.Equal("db.app", _table.ReverseLookup("asker", "3.0.1.10.in-addr.arpa"));
        Assert.Null(_table.ReverseLookup("asker", "2.0.2.10.in-addr.arpa"));
        Assert.Null(_table.ReverseLookup("asker", "x.0.1.10.in-addr.arpa"));
    }

    [Fact]
    public void ContainersOnlyOnInternalNetworksMayNotForward()
    {
        Assert.True(_table.MayForward("asker"));
        Assert.False(_table.MayForward("inside"));
    }

    [Fact]
    public void ChangesToTheRecordsShowAtOnce()
    {
        var live = new List<NetworkRecord> { Network("n", false, false, ("10.9.0.2", new IpLease("a", "a", []))) };
        var table = new DnsNameTable(() => live);
        Assert.Empty(table.Lookup("a", "late"));
        live[0] = live[0] with { Leases = new(live[0].Leases) { ["10.9.0.3"] = new IpLease("b", "late", []) } };
        Assert.Equal(["10.9.0.3"], table.Lookup("a", "late"));
    }
}
