using System.CommandLine;
using Berth.Registry.Server;

// berth-registry: `serve` runs until SIGTERM/SIGINT (the host's console lifetime stops it gracefully); `gc` collects.
return await RegistryCommandLine.Build().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }).ConfigureAwait(false);
