using System.CommandLine;

namespace Berth.Cli.Commands.Volumes;

/// <summary><c>berth volume</c>: create, ls, inspect, rm, prune.</summary>
internal static class VolumeGroup
{
    public static Command Create(CliContext context)
    {
        var group = new Command("volume", "Manage volumes");
        group.Subcommands.Add(new VolumeCreateCommand(context));
        group.Subcommands.Add(new VolumeListCommand(context));
        group.Subcommands.Add(new VolumeInspectCommand(context));
        group.Subcommands.Add(new VolumeRemoveCommand(context));
        group.Subcommands.Add(new VolumePruneCommand(context));
        return group;
    }
}
