using Berth.Core;
using Berth.Engine.Networking;

namespace Berth.Engine.Tests.Networking;

public sealed class Ipv4SubnetTests
{
    [Fact]
    public void ParsesNormalisesAndFormats()
    {
        var subnet = Ipv4Subnet.Parse("172.30.5.9/16");
        Assert.Equal("172.30.0.0/16", subnet.ToString());
        Assert.Equal(65536u, subnet.Size);
        Assert.True(subnet.ContainsHost(Ipv4Subnet.ParseAddress("172.30.0.1")));
        Assert.False(subnet.ContainsHost(Ipv4Subnet.ParseAddress("172.30.0.0")));
        Assert.False(subnet.ContainsHost(Ipv4Subnet.ParseAddress("172.30.255.255")));
        Assert.False(subnet.ContainsHost(Ipv4Subnet.ParseAddress("172.31.0.1")));
    }

    [Theory]
    [InlineData("10.0.0.0/8", "10.1.2.0/24", true)]
    [InlineData("10.1.2.0/24", "10.0.0.0/8", true)]
    [InlineData("10.1.2.0/24", "10.1.3.0/24", false)]
    [InlineData("192.168.0.0/16", "172.16.0.0/12", false)]
    public void OverlapIsSymmetric(string a, string b, bool overlaps) =>
        Assert.Equal(overlaps, Ipv4Subnet.Parse(a).Overlaps(Ipv4Subnet.Parse(b)));

    [Theory]
    [InlineData("10.0.0.0")]
    [InlineData("10.0.0.0/31")]
    [InlineData("fd00::/64")]
    [InlineData("banana/24")]
    public void RejectsWhatIsNotAUsableIpv4Cidr(string text) =>
        Assert.Equal(ErrorKind.InvalidArgument, Assert.Throws<BerthException>(() => Ipv4Subnet.Parse(text)).Kind);
}
