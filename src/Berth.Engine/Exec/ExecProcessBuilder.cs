using Berth.Engine.Containers;
using Berth.Engine.Specs;
using Berth.Runtime.Spec;
using OciProcess = Berth.Runtime.Spec.Process;

namespace Berth.Engine.Exec;

/// <summary>
/// The OCI process of an exec, as dockerd builds it: the container's process (capabilities, rlimits,
/// no_new_privileges, AppArmor and SELinux labels, OOM score) with the exec's command, environment, working
/// directory, user and terminal. <c>--privileged</c> gives every capability the host allows.
/// </summary>
public sealed class ExecProcessBuilder(RuntimeHost? host = null)
{
    private readonly RuntimeHost _host = host ?? RuntimeHost.Current;

    /// <param name="containerProcess">The process of the container's runtime spec (its bundle's config.json).</param>
    /// <param name="rootfs">The container's mounted rootfs, where the user is looked up.</param>
    public OciProcess Build(OciProcess containerProcess, ContainerRecord container, ExecOptions options, string rootfs, ConsoleDimensions? consoleSize)
    {
        var userSpec = options.User.Length > 0 ? options.User : container.Config.User ?? "";
        var user = ContainerUser.Resolve(rootfs, userSpec);
        var bounding = options.Privileged
            ? CapabilitySet.HostAll(_host.CapabilityBoundingSet)
            : containerProcess.Capabilities?.Bounding ?? [];
        // As for the container itself: a non-root user starts without effective/permitted capabilities.
        var isRoot = user.Uid == 0;
        var workingDir = options.WorkingDir.Length > 0 ? options.WorkingDir : container.Config.WorkingDir;
        return new OciProcess
        {
            Terminal = options.Tty,
            ConsoleSize = options.Tty && consoleSize is { } size ? new ConsoleSize { Height = (uint)Math.Max(0, size.Height), Width = (uint)Math.Max(0, size.Width) } : null,
            User = new User { Uid = user.Uid, Gid = user.Gid, AdditionalGids = user.AdditionalGids.Count > 0 ? [.. user.AdditionalGids] : null },
            Args = [.. options.Cmd],
            Env = BuildEnv(container, options),
            Cwd = string.IsNullOrEmpty(workingDir) ? "/" : workingDir,
            Capabilities = new Capabilities
            {
                Bounding = [.. bounding],
                Effective = isRoot ? [.. bounding] : [],
                Permitted = isRoot ? [.. bounding] : [],
            },
            Rlimits = containerProcess.Rlimits,
            NoNewPrivileges = containerProcess.NoNewPrivileges,
            ApparmorProfile = containerProcess.ApparmorProfile,
            OomScoreAdj = containerProcess.OomScoreAdj,
            SelinuxLabel = containerProcess.SelinuxLabel,
        };
    }

    /// <summary>
    /// dockerd's exec environment: PATH default, HOSTNAME, TERM=xterm when the exec has a terminal, the
    /// container's Env, then the exec's Env replacing or appending. HOME is left to runc, which sets it from the
    /// exec user's passwd entry when it is missing.
    /// </summary>
    public static List<string> BuildEnv(ContainerRecord container, ExecOptions options)
    {
        var env = new List<string> { RuntimeSpecBuilder.DefaultPath, "HOSTNAME=" + (container.Config.Hostname is { Length: > 0 } h ? h : container.ShortId) };
        if (options.Tty) env.Add("TERM=xterm");
        foreach (var entry in (container.Config.Env ?? []).Concat(options.Env)) ReplaceOrAppend(env, entry);
        return env;
    }

    private static void ReplaceOrAppend(List<string> env, string entry)
    {
        var eq = entry.IndexOf('=', StringComparison.Ordinal);
        var name = eq < 0 ? entry : entry[..eq];
        if (name.Length == 0) return;
        var existing = env.FindIndex(e => e.StartsWith(name + "=", StringComparison.Ordinal) || e == name);
        if (eq < 0)
        {
            // "NAME" without a value removes the variable (Docker's ReplaceOrAppendEnvValues).
            if (existing >= 0) env.RemoveAt(existing);
            return;
        }
        if (existing >= 0) env[existing] = entry;
        else env.Add(entry);
    }
}
