using System.CommandLine;

namespace Berth.Cli.Commands.Registry;

/// <summary><c>berth registry serve [--addr H:P] [--root DIR] [--tls-cert F --tls-key F] [--htpasswd F] [--auth MODE]</c>: runs berth-registry.</summary>
internal sealed class RegistryServeCommand : Command
{
    private readonly Option<string?> _addr = new("--addr") { Description = "Listen address host:port (default 127.0.0.1:5000)" };
    private readonly Option<string?> _root = new("--root") { Description = "Storage directory (default /var/lib/berth-registry)" };
    private readonly Option<string?> _tlsCert = new("--tls-cert") { Description = "TLS certificate (PEM)" };
    private readonly Option<string?> _tlsKey = new("--tls-key") { Description = "TLS private key (PEM)" };
    private readonly Option<string?> _htpasswd = new("--htpasswd") { Description = "htpasswd file with bcrypt entries (enables authentication)" };
    private readonly Option<string?> _auth = new("--auth") { Description = "none, basic (default with --htpasswd) or token" };
    private readonly Option<bool> _verbose = new("--verbose") { Description = "Log every request" };

    public RegistryServeCommand(CliContext context) : base("serve", "Run a registry (OCI distribution) server")
    {
        _auth.AcceptOnlyFromAmong("none", "basic", "token");
        Add(_addr);
        Add(_root);
        Add(_tlsCert);
        Add(_tlsKey);
        Add(_htpasswd);
        Add(_auth);
        Add(_verbose);
        SetAction((parseResult, ct) =>
        {
            var args = new List<string> { "serve" };
            foreach (var option in new[] { _addr, _root, _tlsCert, _tlsKey, _htpasswd, _auth })
            {
                if (parseResult.GetValue(option) is { } value) args.AddRange([option.Name, value]);
            }
            if (parseResult.GetValue(_verbose)) args.Add(_verbose.Name);
            return RegistryProgram.RunAsync(context, args);
        });
    }
}
