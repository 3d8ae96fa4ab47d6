using Berth.Core.Storage;

namespace Berth.Core.Tests.Storage;

public sealed class FileLockTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("berth-filelock-").FullName;

    private string LockPath => Path.Combine(_dir, "x.lock");

    /// <summary>The waiter opens the file itself (a FileStream open would fail outright while the lock is held).</summary>
    [Fact]
    public async Task SecondExclusiveWaitsUntilTheFirstIsReleased()
    {
        var first = await FileLock.ExclusiveAsync(LockPath, CancellationToken.None);
        var second = FileLock.ExclusiveAsync(LockPath, CancellationToken.None);
        await Task.Delay(50);
        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [Fact]
    public async Task SharedHoldersDoNotBlockEachOtherButBlockExclusive()
    {
        using var a = await FileLock.SharedAsync(LockPath, CancellationToken.None);
        using var b = await FileLock.SharedAsync(LockPath, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => FileLock.ExclusiveAsync(LockPath, cancel.Token));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
