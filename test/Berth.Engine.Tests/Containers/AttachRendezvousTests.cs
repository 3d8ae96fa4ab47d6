using Berth.Engine.Containers;

namespace Berth.Engine.Tests.Containers;

public sealed class AttachRendezvousTests
{
    [Fact]
    public async Task Start_counts_and_releases_the_waiting_attaches()
    {
        var rendezvous = new AttachRendezvous();
        using var first = rendezvous.Register("c1");
        using var second = rendezvous.Register("c1");
        using var other = rendezvous.Register("c2");
        Assert.Equal(2, rendezvous.Pending("c1"));
        rendezvous.SignalStarted("c1");
        await first.Started.WaitAsync(TimeSpan.FromSeconds(10));
        await second.Started.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(other.Started.IsCompleted);
        Assert.Equal(0, rendezvous.Pending("c1")); // the next start waits for new attaches only
    }

    [Fact]
    public void An_attach_that_ends_before_the_start_is_not_waited_for()
    {
        var rendezvous = new AttachRendezvous();
        var gone = rendezvous.Register("c1");
        using var staying = rendezvous.Register("c1");
        gone.Dispose();
        gone.Dispose();
        Assert.Equal(1, rendezvous.Pending("c1"));
    }
}
