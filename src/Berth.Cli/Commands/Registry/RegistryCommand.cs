using System.CommandLine;

namespace Berth.Cli.Commands.Registry;

/// <summary><c>berth registry</c>: the registry server's commands (they run the berth-registry binary).</summary>
internal sealed class RegistryCommand : Command
{
    public RegistryCommand(CliContext context) : base("registry", "Run and maintain a registry server")
    {
        Subcommands.Add(new RegistryServeCommand(context));
        Subcommands.Add(new RegistryGcCommand(context));
    }
}
