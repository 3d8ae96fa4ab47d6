using Berth.Cli.Output;

namespace Berth.Cli.Tests.Output;

public sealed class BlockingWriteStreamTests
{
    [Fact]
    public async Task AsyncWritesAreDoneBeforeTheyReturn()
    {
        var inner = new MemoryStream();
        using var stream = new BlockingWriteStream(inner);
        using var writer = new StreamWriter(stream) { AutoFlush = true };

        var write = writer.WriteLineAsync("hello");

        Assert.True(write.IsCompletedSuccessfully);
        await write;
        Assert.Equal("hello\n", System.Text.Encoding.UTF8.GetString(inner.ToArray()));
    }

    [Fact]
    public async Task AFailedWriteFaultsTheTask()
    {
        var inner = new MemoryStream();
        using var stream = new BlockingWriteStream(inner);
        inner.Dispose();

        var write = stream.WriteAsync(new byte[] { 1 });

        Assert.True(write.IsFaulted);
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await write);
    }
}
