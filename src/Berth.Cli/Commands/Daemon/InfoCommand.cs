using System.CommandLine;
using System.Text;
using System.Text.Json;
using Berth.Api;
using Berth.Cli.Output;
using Berth.Cli.Output.Templates;

namespace Berth.Cli.Commands.Daemon;

/// <summary><c>berth info [-f FORMAT]</c>: system-wide information, laid out like <c>docker info</c>.</summary>
internal sealed class InfoCommand : Command
{
    private readonly Option<string?> _format = new("--format", "-f") { Description = "Format output using a custom template" };

    public InfoCommand(CliContext context) : base("info", "Display system-wide information")
    {
        Add(_format);
        SetAction((parseResult, ct) => CommandExecution.RunAsync(context, parseResult, async (client, token) =>
        {
            var info = await client.System.InfoAsync(token).ConfigureAwait(false);
            var format = parseResult.GetValue(_format);
            if (!string.IsNullOrEmpty(format))
            {
                var data = JsonSerializer.SerializeToElement(info, BerthApiJsonContext.Default.SystemInfo);
                await context.Out.WriteLineAsync(GoTemplate.Parse(format).Execute(data)).ConfigureAwait(false);
                return 0;
            }

            await context.Out.WriteAsync(Describe(info)).ConfigureAwait(false);
            foreach (var warning in info.Warnings ?? [])
            {
                await context.Err.WriteLineAsync(warning).ConfigureAwait(false);
            }
            return 0;
        }, ct));
    }

    /// <summary>The text <c>docker info</c> prints for the server section.</summary>
    public static string Describe(SystemInfo info)
    {
        var text = new StringBuilder();
        text.Append("Client:\n");
        text.Append(" Version:    ").Append(CliVersion.Version).Append('\n');
        text.Append(" Context:    default\n");
        text.Append(" Debug Mode: false\n\n");
        text.Append("Server:\n");
        Line(text, 1, "Containers", info.Containers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Line(text, 2, "Running", info.ContainersRunning.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Line(text, 2, "Paused", info.ContainersPaused.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Line(text, 2, "Stopped", info.ContainersStopped.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Line(text, 1, "Images", info.Images.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Line(text, 1, "Server Version", info.ServerVersion);
        Line(text, 1, "Storage Driver", info.Driver);
        foreach (var pair in info.DriverStatus ?? [])
        {
            if (pair.Count == 2)
            {
                Line(text, 2, pair[0], pair[1]);
            }
        }
        Line(text, 1, "Logging Driver", info.LoggingDriver);
        Line(text, 1, "Cgroup Driver", info.CgroupDriver);
        Line(text, 1, "Cgroup Version", info.CgroupVersion);
        if (info.Plugins is { } plugins)
        {
            text.Append(" Plugins:\n");
            PluginLine(text, "Volume", plugins.Volume);
            PluginLine(text, "Network", plugins.Network);
            PluginLine(text, "Log", plugins.Log);
            PluginLine(text, "Authorization", plugins.Authorization);
        }
        if (info.Runtimes is { Count: > 0 } runtimes)
        {
            Line(text, 1, "Runtimes", string.Join(' ', runtimes.Keys.Order(StringComparer.Ordinal)));
        }
        Line(text, 1, "Default Runtime", info.DefaultRuntime);
        if (!string.IsNullOrEmpty(info.InitBinary))
        {
            Line(text, 1, "Init Binary", info.InitBinary);
        }
        if (info.SecurityOptions is { Count: > 0 } security)
        {
            text.Append(" Security Options:\n");
            foreach (var option in security)
            {
                AppendSecurityOption(text, option);
            }
        }
        Line(text, 1, "Kernel Version", info.KernelVersion);
        Line(text, 1, "Operating System", info.OperatingSystem);
        Line(text, 1, "OSType", info.OSType);
        Line(text, 1, "Architecture", info.Architecture);
        Line(text, 1, "CPUs", info.NCPU.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Line(text, 1, "Total Memory", HumanUnits.BinarySize(info.MemTotal));
        Line(text, 1, "Name", info.Name);
        Line(text, 1, "ID", info.Id);
        Line(text, 1, "Docker Root Dir", info.DockerRootDir);
        Line(text, 1, "Debug Mode", info.Debug ? "true" : "false");
        if (!string.IsNullOrEmpty(info.HttpProxy))
        {
            Line(text, 1, "HTTP Proxy", info.HttpProxy);
        }
        if (!string.IsNullOrEmpty(info.HttpsProxy))
        {
            Line(text, 1, "HTTPS Proxy", info.HttpsProxy);
        }
        if (!string.IsNullOrEmpty(info.NoProxy))
        {
            Line(text, 1, "No Proxy", info.NoProxy);
        }
        if (info.Labels is { Count: > 0 } labels)
        {
            text.Append(" Labels:\n");
            foreach (var label in labels)
            {
                text.Append("  ").Append(label).Append('\n');
            }
        }
        Line(text, 1, "Experimental", info.ExperimentalBuild ? "true" : "false");
        if (info.RegistryConfig is { } registry)
        {
            if (registry.InsecureRegistryCidrs is { Count: > 0 } || registry.IndexConfigs?.Values.Any(i => !i.Secure) == true)
            {
                text.Append(" Insecure Registries:\n");
                foreach (var index in (registry.IndexConfigs?.Values.AsEnumerable() ?? []).Where(i => !i.Secure).OrderBy(i => i.Name, StringComparer.Ordinal))
                {
                    text.Append("  ").Append(index.Name).Append('\n');
                }
                foreach (var cidr in registry.InsecureRegistryCidrs ?? [])
                {
                    text.Append("  ").Append(cidr).Append('\n');
                }
            }
            // docker.io's mirrors as dockerd prints them; other registries' (berth's extension) as "registry: mirror".
            var others = (registry.IndexConfigs?.Values.AsEnumerable() ?? [])
                .Where(i => i.Name != "docker.io" && i.Mirrors is { Count: > 0 })
                .OrderBy(i => i.Name, StringComparer.Ordinal)
                .ToList();
            if (registry.Mirrors is { Count: > 0 } || others.Count > 0)
            {
                text.Append(" Registry Mirrors:\n");
                foreach (var mirror in registry.Mirrors ?? [])
                {
                    text.Append("  ").Append(mirror).Append('\n');
                }
                foreach (var index in others)
                {
                    foreach (var mirror in index.Mirrors!)
                    {
                        text.Append("  ").Append(index.Name).Append(": ").Append(mirror).Append('\n');
                    }
                }
            }
        }
        Line(text, 1, "Live Restore Enabled", info.LiveRestoreEnabled ? "true" : "false");
        text.Append('\n');
        return text.ToString();
    }

    private static void Line(StringBuilder text, int indent, string label, string? value) =>
        text.Append(' ', indent).Append(label).Append(": ").Append(value ?? "").Append('\n');

    private static void PluginLine(StringBuilder text, string kind, List<string>? names)
    {
        if (names is { Count: > 0 })
        {
            Line(text, 2, kind, string.Join(' ', names));
        }
    }

    // "name=seccomp,profile=builtin" → "  seccomp\n   Profile: builtin"
    private static void AppendSecurityOption(StringBuilder text, string option)
    {
        var parts = option.Split(',');
        var name = parts.FirstOrDefault(p => p.StartsWith("name=", StringComparison.Ordinal))?["name=".Length..] ?? option;
        text.Append("  ").Append(name).Append('\n');
        foreach (var part in parts.Where(p => !p.StartsWith("name=", StringComparison.Ordinal) && p.Contains('=', StringComparison.Ordinal)))
        {
            var (key, value) = (part[..part.IndexOf('=', StringComparison.Ordinal)], part[(part.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            text.Append("   ").Append(char.ToUpperInvariant(key[0])).Append(key[1..]).Append(": ").Append(value).Append('\n');
        }
    }
}
