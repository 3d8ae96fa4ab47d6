using Berth.Runtime.Shim;

namespace Berth.Runtime.Tests.Shim;

public sealed class ShimAttachArgumentsTests
{
    [Fact]
    public void Attach_arguments_round_trip()
    {
        var args = new ShimArguments("id1", "/b", "/s", "/l.log", "runc", "/r", 1024, 3, OpenStdin: true, Tty: true,
            StdinOnce: true, ConsoleHeight: 40, ConsoleWidth: 120, Attachers: 2);
        Assert.Equal(args, ShimArguments.Parse(args.ToArgs()));
        Assert.Contains("40x120", args.ToArgs());
        Assert.Throws<FormatException>(() => ShimArguments.Parse(["--console-size", "40"]));
    }
}
