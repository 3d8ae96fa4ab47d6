using Berth.Runtime.Shim;

namespace Berth.Runtime.Tests.Shim;

public sealed class OutputFanoutTests
{
    [Fact]
    public void Every_subscriber_gets_every_chunk_in_order_then_the_end()
    {
        var fanout = new OutputFanout(0, TimeSpan.Zero, 1024);
        var a = fanout.Subscribe();
        var b = fanout.Subscribe();
        fanout.Publish(ShimFrame.Stdout, "one"u8);
        fanout.Publish(ShimFrame.Stderr, "two"u8);
        fanout.Complete();
        foreach (var subscriber in new[] { a, b })
        {
            Assert.True(subscriber.TryTake(out var kind, out var payload));
            Assert.Equal((ShimFrame.Stdout, "one"), (kind, System.Text.Encoding.ASCII.GetString(payload)));
            Assert.True(subscriber.TryTake(out kind, out payload));
            Assert.Equal((ShimFrame.Stderr, "two"), (kind, System.Text.Encoding.ASCII.GetString(payload)));
            Assert.False(subscriber.TryTake(out _, out _));
        }
        Assert.False(fanout.Subscribe().TryTake(out _, out _)); // after the end: ends at once
    }

    [Fact]
    public void A_subscriber_that_falls_behind_is_dropped_without_blocking_the_publisher()
    {
        var fanout = new OutputFanout(0, TimeSpan.Zero, 10);
        var slow = fanout.Subscribe();
        var fast = fanout.Subscribe();
        fanout.Publish(ShimFrame.Stdout, "123456"u8);
        Assert.True(fast.TryTake(out _, out _));
        fanout.Publish(ShimFrame.Stdout, "789012"u8); // slow now holds 12 > 10 bytes
        Assert.True(slow.Dropped);
        Assert.False(slow.TryTake(out _, out _));
        Assert.False(fast.Dropped);
        Assert.True(fast.TryTake(out _, out var payload));
        Assert.Equal("789012"u8.ToArray(), payload);
        Assert.Equal(1, fanout.Count);
    }

    [Fact]
    public async Task Closing_a_subscriber_wakes_its_sender()
    {
        var fanout = new OutputFanout(0, TimeSpan.Zero, 1024);
        var subscriber = fanout.Subscribe();
        var sender = Task.Run(() => subscriber.TryTake(out _, out _));
        subscriber.Close();
        Assert.False(await sender.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, fanout.Count);
    }

    [Fact]
    public async Task Pumps_wait_for_the_announced_attachers_bounded_by_the_deadline()
    {
        var fanout = new OutputFanout(2, TimeSpan.FromMinutes(5), 1024);
        var waiting = Task.Run(fanout.WaitForAttachers);
        fanout.Subscribe();
        Assert.False(waiting.IsCompleted);
        fanout.Subscribe();
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        var expired = new OutputFanout(1, TimeSpan.Zero, 1024);
        await Task.Run(expired.WaitForAttachers).WaitAsync(TimeSpan.FromSeconds(10));
    }
}
