using Berth.Core.Buffers;

namespace Berth.Core.Tests.Buffers;

public sealed class PipelinedCopyTests
{
    private static byte[] Data(int length)
    {
        var data = new byte[length];
        new Random(length).NextBytes(data);
        return data;
    }

    [Theory]
    [InlineData(0, -1)]
    [InlineData(10, -1)]
    [InlineData(4096, -1)]
    [InlineData(4096 * 3 + 17, -1)]
    [InlineData(4096 * 3 + 17, 5000)]
    [InlineData(4096 * 2, 4096)]
    public async Task CopiesInOrderInFullBlocksUpToTheLimit(int length, long limit)
    {
        var data = Data(length);
        var copied = new MemoryStream();
        var blocks = new List<int>();
        var total = await PipelinedCopy.CopyAsync(new MemoryStream(data), async (block, token) =>
        {
            blocks.Add(block.Length);
            await copied.WriteAsync(block, token);
        }, limit, 4096, CancellationToken.None);

        var expected = limit < 0 ? length : (int)Math.Min(limit, length);
        Assert.Equal(expected, total);
        Assert.Equal(data.AsSpan(0, expected).ToArray(), copied.ToArray());
        Assert.All(blocks.Take(Math.Max(0, blocks.Count - 1)), n => Assert.Equal(4096, n));
    }

    [Fact]
    public async Task AConsumerFailureIsReportedAfterTheReadAheadEnds()
    {
        var data = Data(4096 * 4);
        var error = await Assert.ThrowsAsync<IOException>(() => PipelinedCopy.CopyAsync(new MemoryStream(data),
            (_, _) => Task.FromException(new IOException("disk full")), -1, 4096, CancellationToken.None));
        Assert.Equal("disk full", error.Message);
    }
}
