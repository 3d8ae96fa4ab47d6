using System.CommandLine;
using Berth.Core;
using Berth.Registry.Auth;
using Berth.Registry.Gc;
using Berth.Registry.Storage;
using Microsoft.Extensions.Logging;

namespace Berth.Registry.Server;

/// <summary>
/// <c>berth-registry serve [--addr H:P] [--root DIR] [--tls-cert F --tls-key F] [--htpasswd F] [--auth none|basic|token]</c>
/// <c>[--upload-max-age 168h] [--upload-purge-interval 1h]</c>
/// and <c>berth-registry gc [--root DIR] [--dry-run] [--grace 1h] [--upload-max-age 168h]</c>.
/// </summary>
public static class RegistryCommandLine
{
    public const string DefaultRoot = "/var/lib/berth-registry";
    public const string DefaultAddress = "127.0.0.1:5000";

    public static RootCommand Build()
    {
        var root = new RootCommand("berth-registry: an OCI distribution registry");
        root.Subcommands.Add(Serve());
        root.Subcommands.Add(Collect());
        return root;
    }

    private static Option<string> UploadMaxAgeOption() => new("--upload-max-age")
    {
        Description = "Remove uploads not written to for this long", DefaultValueFactory = _ => "168h",
    };

    private static Option<string> RootOption() => new("--root") { Description = "Storage directory", DefaultValueFactory = _ => DefaultRoot };

    private static Command Serve()
    {
        var addr = new Option<string>("--addr") { Description = "Listen address host:port (port 0: any free port)", DefaultValueFactory = _ => DefaultAddress };
        var root = RootOption();
        var cert = new Option<string?>("--tls-cert") { Description = "TLS certificate (PEM); serves HTTPS with --tls-key" };
        var key = new Option<string?>("--tls-key") { Description = "TLS private key (PEM)" };
        var htpasswd = new Option<string?>("--htpasswd") { Description = "htpasswd file with bcrypt entries; enables authentication" };
        var auth = new Option<string?>("--auth") { Description = "none, basic (default with --htpasswd) or token (Bearer tokens from /token)" };
        auth.AcceptOnlyFromAmong("none", "basic", "token");
        var verbose = new Option<bool>("--verbose") { Description = "Log every request" };
        var uploadMaxAge = UploadMaxAgeOption();
        var purgeInterval = new Option<string>("--upload-purge-interval")
        {
            Description = "How often abandoned uploads are removed (0: never)", DefaultValueFactory = _ => "1h",
        };
        var command = new Command("serve", "Serve the registry") { addr, root, cert, key, htpasswd, auth, verbose, uploadMaxAge, purgeInterval };
        command.SetAction(async (parseResult, ct) =>
        {
            try
            {
                var certPath = parseResult.GetValue(cert);
                var keyPath = parseResult.GetValue(key);
                if ((certPath is null) != (keyPath is null)) throw BerthException.Invalid("--tls-cert and --tls-key go together");
                var htpasswdPath = parseResult.GetValue(htpasswd);
                var users = htpasswdPath is null ? null : Htpasswd.Load(htpasswdPath);
                var mode = parseResult.GetValue(auth) switch
                {
                    "none" => RegistryAuthMode.None,
                    "basic" => RegistryAuthMode.Basic,
                    "token" => RegistryAuthMode.Token,
                    _ => users is null ? RegistryAuthMode.None : RegistryAuthMode.Basic,
                };
                if (mode == RegistryAuthMode.Basic && users is null) throw BerthException.Invalid("--auth basic needs --htpasswd");
                var options = new RegistryOptions
                {
                    Root = parseResult.GetValue(root)!, Auth = mode, Users = users,
                    UploadMaxAge = DurationParser.Parse(parseResult.GetValue(uploadMaxAge)!),
                    UploadPurgeInterval = DurationParser.Parse(parseResult.GetValue(purgeInterval)!),
                };
                using var certificate = certPath is null ? null : RegistryApplication.LoadCertificate(certPath, keyPath!);
                var app = RegistryApplication.Create(options, parseResult.GetValue(addr)!, certificate,
                    parseResult.GetValue(verbose) ? LogLevel.Information : LogLevel.Warning);
                await using (app.ConfigureAwait(false))
                {
                    await app.StartAsync(ct).ConfigureAwait(false);
                    Console.Out.WriteLine($"berth-registry listening on {RegistryApplication.BoundAddress(app)} (root {Path.GetFullPath(options.Root)}, auth {mode.ToString().ToLowerInvariant()})");
                    Console.Out.Flush();
                    await app.WaitForShutdownAsync(CancellationToken.None).ConfigureAwait(false);
                }
                return 0;
            }
            catch (Exception e) when (e is BerthException or IOException or System.Security.Cryptography.CryptographicException)
            {
                await Console.Error.WriteLineAsync("berth-registry: " + e.Message).ConfigureAwait(false);
                return 1;
            }
        });
        return command;
    }

    private static Command Collect()
    {
        var root = RootOption();
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would be removed; remove nothing" };
        var grace = new Option<string>("--grace") { Description = "Never remove blobs written or linked more recently than this", DefaultValueFactory = _ => "1h" };
        var uploadMaxAge = UploadMaxAgeOption();
        var command = new Command("gc", "Remove blobs no manifest references and abandoned uploads (safe while the registry serves)") { root, dryRun, grace, uploadMaxAge };
        command.SetAction(async (parseResult, ct) =>
        {
            try
            {
                var dir = parseResult.GetValue(root)!;
                if (!Directory.Exists(dir)) throw BerthException.Invalid($"registry root {dir} does not exist");
                var store = new RegistryStore(dir, TimeProvider.System);
                var result = await GarbageCollector.CollectAsync(store, DurationParser.Parse(parseResult.GetValue(grace)!), parseResult.GetValue(dryRun), ct,
                    DurationParser.Parse(parseResult.GetValue(uploadMaxAge)!)).ConfigureAwait(false);
                var verb = result.DryRun ? "would remove" : "removed";
                foreach (var blob in result.Removed) Console.Out.WriteLine($"{verb} {blob.Digest} ({blob.Size} bytes)");
                if (result.ExpiredUploads > 0) Console.Out.WriteLine($"removed {result.ExpiredUploads} abandoned uploads");
                Console.Out.WriteLine($"{verb} {result.Removed.Count} blobs ({result.BytesFreed} bytes); kept {result.Referenced} referenced and {result.Young} within the grace period");
                return 0;
            }
            catch (BerthException e)
            {
                await Console.Error.WriteLineAsync("berth-registry: " + e.Message).ConfigureAwait(false);
                return 1;
            }
        });
        return command;
    }
}
