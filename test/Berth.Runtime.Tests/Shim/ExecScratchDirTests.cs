using Berth.Runtime.Shim;

namespace Berth.Runtime.Tests.Shim;

public sealed class ExecScratchDirTests
{
    [Fact]
    public void NoScratchDirWhenTheStateDirIsATmpfs() => Assert.Null(ExecScratchDir.TryCreate(stateDirOnTmpfs: true, ExecScratchDir.ShimPrefix));

    [Fact]
    public void ScratchDirsArePrivate_AndOnlyOldOnesCountAsStale()
    {
        var old = ExecScratchDir.TryCreate(stateDirOnTmpfs: false, ExecScratchDir.ShimPrefix);
        var fresh = ExecScratchDir.TryCreate(stateDirOnTmpfs: false, ExecScratchDir.DaemonPrefix);
        Assert.NotNull(old);
        Assert.NotNull(fresh);
        try
        {
            Assert.StartsWith("/dev/shm/" + ExecScratchDir.ShimPrefix, old, StringComparison.Ordinal);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(old));
            File.WriteAllText(Path.Combine(old, "pid"), "1");
            Directory.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddHours(-1));

            ExecScratchDir.RemoveStale(TimeSpan.FromMinutes(10));

            Assert.False(Directory.Exists(old));
            Assert.True(Directory.Exists(fresh));
        }
        finally
        {
            ExecScratchDir.Remove(old);
            ExecScratchDir.Remove(fresh);
        }
        Assert.False(Directory.Exists(fresh));
    }
}
