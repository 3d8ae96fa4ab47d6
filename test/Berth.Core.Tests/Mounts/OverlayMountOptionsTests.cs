using Berth.Core.Mounts;

namespace Berth.Core.Tests.Mounts;

public sealed class OverlayMountOptionsTests
{
    [Fact]
    public void ReadsUpperAndLowerDirectories()
    {
        var mount = new Mount("overlay", "overlay", ["index=off", "upperdir=/s/3/fs", "workdir=/s/3/work", "lowerdir=/s/2/fs:/s/1/fs"]);
        Assert.Equal("/s/3/fs", OverlayMountOptions.UpperDir(mount));
        Assert.Equal(["/s/2/fs", "/s/1/fs"], OverlayMountOptions.LowerDirs(mount));
    }

    [Fact]
    public void ReadOnlyOverlayHasNoUpperDirectory()
    {
        var mount = new Mount("overlay", "overlay", ["ro", "lowerdir=/s/1/fs"]);
        Assert.Null(OverlayMountOptions.UpperDir(mount));
        Assert.Equal(["/s/1/fs"], OverlayMountOptions.LowerDirs(mount));
        Assert.Empty(OverlayMountOptions.LowerDirs(new Mount("overlay", "overlay", ["upperdir=/u"])));
    }
}
