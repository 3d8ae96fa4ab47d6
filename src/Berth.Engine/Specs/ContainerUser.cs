using System.Globalization;
using Berth.Core;

namespace Berth.Engine.Specs;

/// <summary>
/// Resolves Docker's <c>--user</c> forms ("", "root", "1000", "1000:1000", "name", "name:group", "1000:group")
/// against the rootfs's /etc/passwd and /etc/group. A numeric uid absent from passwd runs with gid 0.
/// Supplementary groups are the groups listing the user by name.
/// </summary>
public sealed record ContainerUser(uint Uid, uint Gid, IReadOnlyList<uint> AdditionalGids, string? Home)
{
    public static ContainerUser Resolve(string rootfs, string user)
    {
        var spec = user.Trim();
        if (spec.Length == 0) spec = "0";
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        var userPart = colon < 0 ? spec : spec[..colon];
        var groupPart = colon < 0 ? null : spec[(colon + 1)..];

        var passwd = ReadDatabase(rootfs, "/etc/passwd");
        var groups = ReadDatabase(rootfs, "/etc/group");

        // passwd(5): name:password:UID:GID:GECOS:directory:shell
        string? name = null, home = null;
        uint uid, gid = 0;
        if (uint.TryParse(userPart, NumberStyles.None, CultureInfo.InvariantCulture, out uid))
        {
            var entry = passwd.FirstOrDefault(f => f.Length >= 4 && f[2] == userPart);
            if (entry is not null) (name, gid, home) = (entry[0], ParseId(entry[3]), Field(entry, 5));
        }
        else
        {
            var entry = UserEntry(passwd, userPart)
                ?? throw new BerthException(ErrorKind.InvalidArgument, $"unable to find user {userPart}: no matching entries in passwd file");
            (name, uid, gid, home) = (entry[0], ParseId(entry[2]), ParseId(entry[3]), Field(entry, 5));
        }

        // group(5): group_name:password:GID:user_list
        if (groupPart is { Length: > 0 })
        {
            if (!uint.TryParse(groupPart, NumberStyles.None, CultureInfo.InvariantCulture, out gid))
            {
                var entry = GroupEntry(groups, groupPart)
                    ?? throw new BerthException(ErrorKind.InvalidArgument, $"unable to find group {groupPart}: no matching entries in group file");
                gid = ParseId(entry[2]);
            }
        }

        var additional = new List<uint>();
        if (name is not null && groupPart is null)
        {
            foreach (var entry in groups)
            {
                if (entry.Length < 4 || !entry[3].Split(',').Contains(name)) continue;
                var g = ParseId(entry[2]);
                if (g != gid && !additional.Contains(g)) additional.Add(g);
            }
        }
        return new ContainerUser(uid, gid, additional, home);
    }

    /// <summary>The uid and primary gid of the rootfs's passwd entry named <paramref name="name"/>, or null.</summary>
    public static (uint Uid, uint Gid)? FindUser(string rootfs, string name) =>
        UserEntry(ReadDatabase(rootfs, "/etc/passwd"), name) is { } entry ? (ParseId(entry[2]), ParseId(entry[3])) : null;

    /// <summary>The gid of the rootfs's group entry named <paramref name="name"/>, or null.</summary>
    public static uint? FindGroup(string rootfs, string name) =>
        GroupEntry(ReadDatabase(rootfs, "/etc/group"), name) is { } entry ? ParseId(entry[2]) : null;

    private static string[]? UserEntry(List<string[]> passwd, string name) => passwd.FirstOrDefault(f => f.Length >= 4 && f[0] == name);

    private static string[]? GroupEntry(List<string[]> groups, string name) => groups.FirstOrDefault(f => f.Length >= 3 && f[0] == name);

    private static string? Field(string[] fields, int index) => fields.Length > index && fields[index].Length > 0 ? fields[index] : null;

    private static uint ParseId(string text) =>
        uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;

    private static List<string[]> ReadDatabase(string rootfs, string path)
    {
        var hostPath = RootfsPath.Resolve(rootfs, path);
        if (!File.Exists(hostPath)) return [];
        return File.ReadLines(hostPath)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(':'))
            .ToList();
    }
}
