using System.CommandLine;
using Berth.Api;

namespace Berth.Cli.Commands.Networks;

/// <summary><c>berth network create [-d bridge] [--subnet] [--gateway] [--internal] [--label]… NAME</c>: prints the ID.</summary>
internal sealed class NetworkCreateCommand : Command
{
    private readonly Option<string?> _driver = new("--driver", "-d") { Description = "Driver to manage the Network (bridge)" };
    private readonly Option<string?> _subnet = new("--subnet") { Description = "Subnet in CIDR format that represents a network segment" };
    private readonly Option<string?> _gateway = new("--gateway") { Description = "IPv4 Gateway for the master subnet" };
    private readonly Option<bool> _internal = new("--internal") { Description = "Restrict external access to the network" };
    private readonly Option<string[]> _labels = new("--label") { Description = "Set metadata on a network" };
    private readonly Argument<string> _name = new("NETWORK");

    public NetworkCreateCommand(CliContext context) : base("create", "Create a network")
    {
        Add(_driver);
        Add(_subnet);
        Add(_gateway);
        Add(_internal);
        Add(_labels);
        Add(_name);
        SetAction((parseResult, ct) => CommandExecution.RunAsync(context, parseResult, async (client, token) =>
        {
            var subnet = parseResult.GetValue(_subnet);
            var gateway = parseResult.GetValue(_gateway);
            var request = new NetworkCreateRequest
            {
                Name = parseResult.GetValue(_name),
                Driver = parseResult.GetValue(_driver) ?? "bridge",
                Internal = parseResult.GetValue(_internal),
                Ipam = subnet is null && gateway is null ? null : new Ipam { Driver = "default", Config = [new IpamConfig { Subnet = subnet, Gateway = gateway }] },
                Labels = parseResult.GetValue(_labels) is { Length: > 0 } labels
                    ? labels.Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p.Length == 2 ? p[1] : "", StringComparer.Ordinal)
                    : null,
            };
            var created = await client.Networks.CreateAsync(request, token).ConfigureAwait(false);
            await context.Out.WriteLineAsync(created.Id).ConfigureAwait(false);
            return 0;
        }, ct));
    }
}
