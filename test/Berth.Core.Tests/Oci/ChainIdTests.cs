using Berth.Core.Oci;

namespace Berth.Core.Tests.Oci;

public sealed class ChainIdTests
{
    [Fact]
    public void TheFirstChainIdIsTheDiffIdAndEachNextHashesParentSpaceDiffId()
    {
        var a = Digest.Compute("a"u8);
        var b = Digest.Compute("b"u8);

        var chain = ChainId.Of([a, b]);

        Assert.Equal(a, chain[0]);
        // sha256("sha256:<a> sha256:<b>"), computed independently with Python's hashlib.
        Assert.Equal("sha256:51c0c8ace48498d6f5fee6b0592cc06f2da0f3cbe09c5a34a97dce85c3889676", chain[1].ToString());
        Assert.Empty(ChainId.Of([]));
    }
}
