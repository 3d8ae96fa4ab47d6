using System.CommandLine;
using Berth.Api;

namespace Berth.Cli.Commands.Images;

/// <summary>
/// <c>berth login [-u USER] [-p PASS | --password-stdin] [SERVER]</c>: berthd checks the credentials with the
/// registry (<c>POST /auth</c>); they are then stored in <c>~/.berth/config.json</c>.
/// </summary>
internal sealed class LoginCommand : Command
{
    private readonly Option<string?> _username = new("--username", "-u") { Description = "Username" };
    private readonly Option<string?> _password = new("--password", "-p") { Description = "Password or Personal Access Token (PAT)" };
    private readonly Option<bool> _passwordStdin = new("--password-stdin") { Description = "Take the Password or Personal Access Token (PAT) from stdin" };
    private readonly Argument<string?> _server = new("SERVER") { Arity = ArgumentArity.ZeroOrOne };

    public LoginCommand(CliContext context) : base("login", "Authenticate to a registry")
    {
        Add(_username);
        Add(_password);
        Add(_passwordStdin);
        Add(_server);
        SetAction((parseResult, ct) => CommandExecution.RunAsync(context, parseResult, async (client, token) =>
        {
            var username = parseResult.GetValue(_username);
            var password = parseResult.GetValue(_password);
            var stdin = new StreamReader(context.OpenStdin());
            if (parseResult.GetValue(_passwordStdin))
            {
                if (password is not null) throw new CliUsageException("--password and --password-stdin are mutually exclusive");
                if (string.IsNullOrEmpty(username)) throw new CliUsageException("Must provide --username with --password-stdin");
                password = (await stdin.ReadToEndAsync(token).ConfigureAwait(false)).TrimEnd('\n', '\r');
            }
            else if (password is not null)
            {
                await context.Err.WriteLineAsync("WARNING! Using --password via the CLI is insecure. Use --password-stdin.").ConfigureAwait(false);
            }
            if (string.IsNullOrEmpty(username))
            {
                await context.Out.WriteAsync("Username: ").ConfigureAwait(false);
                username = (await stdin.ReadLineAsync(token).ConfigureAwait(false))?.Trim();
                if (string.IsNullOrEmpty(username)) throw new CliUsageException("Error: Non-null Username Required");
            }
            if (password is null)
            {
                await context.Out.WriteAsync("Password: ").ConfigureAwait(false);
                password = await stdin.ReadLineAsync(token).ConfigureAwait(false);
                await context.Out.WriteLineAsync().ConfigureAwait(false);
                if (string.IsNullOrEmpty(password)) throw new CliUsageException("Error: Password Required");
            }
            var domain = RegistryNames.ServerDomain(parseResult.GetValue(_server));
            var server = domain == RegistryNames.DockerHub ? RegistryNames.DockerHubAuthKey : domain;
            var response = await client.System.AuthAsync(new AuthConfig { Username = username, Password = password, ServerAddress = server }, token).ConfigureAwait(false);
            new CredentialStore(context).Save(domain, username, password);
            await context.Out.WriteLineAsync(response.Status ?? "Login Succeeded").ConfigureAwait(false);
            return 0;
        }, ct));
    }
}
