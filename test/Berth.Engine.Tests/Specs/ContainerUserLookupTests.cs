using Berth.Engine.Specs;

namespace Berth.Engine.Tests.Specs;

public sealed class ContainerUserLookupTests : IDisposable
{
    private readonly string _rootfs = Directory.CreateTempSubdirectory("berth-user-").FullName;

    public ContainerUserLookupTests()
    {
        Directory.CreateDirectory(Path.Combine(_rootfs, "etc"));
        File.WriteAllText(Path.Combine(_rootfs, "etc", "passwd"), "root:x:0:0:root:/root:/bin/sh\nalice:x:1000:1001::/home/alice:/bin/sh\n");
        File.WriteAllText(Path.Combine(_rootfs, "etc", "group"), "root:x:0:\nstaff:x:50:alice\n");
    }

    public void Dispose() => Directory.Delete(_rootfs, recursive: true);

    [Fact]
    public void FindsUsersAndGroupsByName()
    {
        Assert.Equal((1000u, 1001u), ContainerUser.FindUser(_rootfs, "alice"));
        Assert.Null(ContainerUser.FindUser(_rootfs, "bob"));
        Assert.Equal(50u, ContainerUser.FindGroup(_rootfs, "staff"));
        Assert.Null(ContainerUser.FindGroup(_rootfs, "wheel"));
    }

    [Fact]
    public void MissingDatabasesFindNothing()
    {
        Directory.Delete(Path.Combine(_rootfs, "etc"), recursive: true);
        Assert.Null(ContainerUser.FindUser(_rootfs, "alice"));
        Assert.Null(ContainerUser.FindGroup(_rootfs, "staff"));
    }
}
