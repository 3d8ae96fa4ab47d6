using Berth.Core.Archive;

namespace Berth.Core.Tests.Archive;

public sealed class DigestingReadStreamTests
{
    [Fact]
    public async Task TheDigestCoversWhatTheReaderReadAndWhatDrainRead()
    {
        var data = new byte[200_000];
        new Random(7).NextBytes(data);
        await using var stream = new DigestingReadStream(new MemoryStream(data));

        var head = new byte[1000];
        await stream.ReadExactlyAsync(head);
        var digest = await stream.DrainAsync(CancellationToken.None);

        Assert.Equal(Digest.Compute(data), digest);
        Assert.Equal(data.Length, stream.BytesRead);
    }
}
