using System.CommandLine;

namespace Berth.Cli.Commands.Images;

/// <summary><c>berth logout [SERVER]</c>: forgets the credentials stored for a registry (no daemon involved).</summary>
internal sealed class LogoutCommand : Command
{
    private readonly Argument<string?> _server = new("SERVER") { Arity = ArgumentArity.ZeroOrOne };

    public LogoutCommand(CliContext context) : base("logout", "Log out from a registry")
    {
        Add(_server);
        SetAction(async (parseResult, ct) =>
        {
            var domain = RegistryNames.ServerDomain(parseResult.GetValue(_server));
            var key = domain == RegistryNames.DockerHub ? RegistryNames.DockerHubAuthKey : domain;
            try
            {
                if (!new CredentialStore(context).Remove(domain))
                {
                    await context.Out.WriteLineAsync($"Not logged in to {key}").ConfigureAwait(false);
                    return 0;
                }
            }
            catch (CliUsageException e)
            {
                await context.Err.WriteLineAsync(e.Message).ConfigureAwait(false);
                return 1;
            }
            await context.Out.WriteLineAsync($"Removing login credentials for {key}").ConfigureAwait(false);
            return 0;
        });
    }
}
