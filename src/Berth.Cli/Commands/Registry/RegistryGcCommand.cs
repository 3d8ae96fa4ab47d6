using System.CommandLine;

namespace Berth.Cli.Commands.Registry;

/// <summary><c>berth registry gc [--root DIR] [--dry-run] [--grace 1h]</c>: runs berth-registry's collector.</summary>
internal sealed class RegistryGcCommand : Command
{
    private readonly Option<string?> _root = new("--root") { Description = "Storage directory (default /var/lib/berth-registry)" };
    private readonly Option<bool> _dryRun = new("--dry-run") { Description = "Print what would be removed; remove nothing" };
    private readonly Option<string?> _grace = new("--grace") { Description = "Keep blobs written or linked more recently than this (default 1h)" };

    public RegistryGcCommand(CliContext context) : base("gc", "Remove blobs no manifest references (safe while the registry serves)")
    {
        Add(_root);
        Add(_dryRun);
        Add(_grace);
        SetAction((parseResult, ct) =>
        {
            var args = new List<string> { "gc" };
            if (parseResult.GetValue(_root) is { } root) args.AddRange([_root.Name, root]);
            if (parseResult.GetValue(_grace) is { } grace) args.AddRange([_grace.Name, grace]);
            if (parseResult.GetValue(_dryRun)) args.Add(_dryRun.Name);
            return RegistryProgram.RunAsync(context, args);
        });
    }
}
