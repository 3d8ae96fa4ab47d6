using Berth.Cli.Commands.Containers;

namespace Berth.Cli.Tests.Commands;

public sealed class MountSpecTests
{
    [Fact]
    public void FieldsMapToTheApiMount()
    {
        var bind = MountSpec.Parse("type=bind,src=/a,dst=/b,readonly,bind-propagation=rshared");
        Assert.Equal(("bind", "/a", "/b", true, "rshared"), (bind.Type, bind.Source, bind.Target, bind.ReadOnly, bind.BindOptions!.Propagation));

        var volume = MountSpec.Parse("source=data,target=/d,volume-nocopy,volume-label=a=b");
        Assert.Equal(("volume", "data", true, "b"), (volume.Type, volume.Source, volume.VolumeOptions!.NoCopy, volume.VolumeOptions.Labels!["a"]));

        var tmpfs = MountSpec.Parse("type=tmpfs,destination=/t,tmpfs-size=1m,tmpfs-mode=1770,ro=false");
        Assert.Equal((1024L * 1024, 0x3f8, false), (tmpfs.TmpfsOptions!.SizeBytes, tmpfs.TmpfsOptions.Mode, tmpfs.ReadOnly));
    }

    [Theory]
    [InlineData("type=bind,source=/a")]
    [InlineData("type=bind,target=/b,colour=red")]
    [InlineData("type=bind,target")]
    public void BadSpecificationsAreUsageErrors(string spec) =>
        Assert.Throws<Berth.Cli.CliUsageException>(() => MountSpec.Parse(spec));
}
