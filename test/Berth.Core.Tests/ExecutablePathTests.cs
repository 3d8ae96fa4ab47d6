using Berth.Core;

namespace Berth.Core.Tests;

public sealed class ExecutablePathTests
{
    [Fact]
    public void A_bare_name_in_path_becomes_absolute()
    {
        var sh = ExecutablePath.Resolve("sh");
        Assert.True(Path.IsPathRooted(sh));
        Assert.EndsWith("/sh", sh);
        Assert.True(File.Exists(sh));
    }

    [Fact]
    public void Paths_and_unknown_names_are_kept()
    {
        Assert.Equal("./tool", ExecutablePath.Resolve("./tool"));
        Assert.Equal("/opt/x/runc", ExecutablePath.Resolve("/opt/x/runc"));
        Assert.Equal("no-such-program-berth", ExecutablePath.Resolve("no-such-program-berth"));
        Assert.Null(ExecutablePath.Search("no-such-program-berth"));
    }
}
