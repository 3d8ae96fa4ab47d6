using System.CommandLine;
using Berth.Api;

namespace Berth.Cli.Commands.Networks;

/// <summary><c>berth network connect [--alias]… [--ip] NETWORK CONTAINER</c> and <c>berth network disconnect [-f] NETWORK CONTAINER</c>.</summary>
internal sealed class NetworkConnectCommand : Command
{
    private readonly Option<string[]> _aliases = new("--alias") { Description = "Add network-scoped alias for the container" };
    private readonly Option<string?> _ip = new("--ip") { Description = "IPv4 address (e.g., \"172.30.100.104\")" };
    private readonly Option<bool> _force = new("--force", "-f") { Description = "Force the container to disconnect from a network" };
    private readonly Argument<string> _network = new("NETWORK");
    private readonly Argument<string> _container = new("CONTAINER");

    public NetworkConnectCommand(CliContext context, bool connect)
        : base(connect ? "connect" : "disconnect", connect ? "Connect a container to a network" : "Disconnect a container from a network")
    {
        if (connect)
        {
            Add(_aliases);
            Add(_ip);
        }
        else Add(_force);
        Add(_network);
        Add(_container);
        SetAction((parseResult, ct) => CommandExecution.RunAsync(context, parseResult, async (client, token) =>
        {
            var network = parseResult.GetValue(_network)!;
            var request = new NetworkConnectRequest { Container = parseResult.GetValue(_container) };
            if (connect)
            {
                var ip = parseResult.GetValue(_ip);
                request.EndpointConfig = new EndpointSettings
                {
                    Aliases = parseResult.GetValue(_aliases) is { Length: > 0 } aliases ? [.. aliases] : null,
                    IpamConfig = ip is null ? null : new EndpointIpamConfig { IPv4Address = ip },
                };
                await client.Networks.ConnectAsync(network, request, token).ConfigureAwait(false);
            }
            else
            {
                request.Force = parseResult.GetValue(_force);
                await client.Networks.DisconnectAsync(network, request, token).ConfigureAwait(false);
            }
            return 0;
        }, ct));
    }
}
