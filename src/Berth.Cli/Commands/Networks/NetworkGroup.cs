using System.CommandLine;

namespace Berth.Cli.Commands.Networks;

/// <summary><c>berth network</c>: create, ls, inspect, rm, prune, connect, disconnect.</summary>
internal static class NetworkGroup
{
    public static Command Create(CliContext context)
    {
        var group = new Command("network", "Manage networks");
        group.Subcommands.Add(new NetworkCreateCommand(context));
        group.Subcommands.Add(new NetworkListCommand(context));
        group.Subcommands.Add(new NetworkInspectCommand(context));
        group.Subcommands.Add(new NetworkRemoveCommand(context));
        group.Subcommands.Add(new NetworkPruneCommand(context));
        group.Subcommands.Add(new NetworkConnectCommand(context, connect: true));
        group.Subcommands.Add(new NetworkConnectCommand(context, connect: false));
        return group;
    }
}
