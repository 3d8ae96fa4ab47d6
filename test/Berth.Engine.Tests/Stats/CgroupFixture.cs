using Berth.Testing;

namespace Berth.Engine.Tests.Stats;

/// <summary>A fake cgroup (and /proc) tree in a temp dir: files written where the kernel would have them.</summary>
internal sealed class CgroupFixture : IDisposable
{
    public const string ContainerId = "c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00";
    private readonly TempDir _dir = new("cgfix-");

    public string Root => _dir.Path;

    /// <summary>Writes <paramref name="text"/> at <c>root/relative</c>, creating directories.</summary>
    public CgroupFixture Write(string relative, string text)
    {
        var path = Path.Combine(_dir.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    /// <summary>A file in the container's v1 group of <paramref name="controller"/>.</summary>
    public CgroupFixture V1(string controller, string file, string text) =>
        Write(Path.Combine(controller, "berth", ContainerId, file), text);

    /// <summary>A file in the container's v2 group.</summary>
    public CgroupFixture V2(string file, string text) => Write(Path.Combine("berth", ContainerId, file), text);

    public void Dispose() => _dir.Dispose();
}
