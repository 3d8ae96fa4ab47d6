using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Berth.Core;
using Berth.Core.Interop;
using Berth.Runtime.Commands;

namespace Berth.Engine.Networking;

/// <summary>
/// The host side of bridge networking through iproute2 (<c>ip</c>, <c>nsenter</c>, <c>unshare</c>) and
/// iptables (<c>iptables-save</c>/<c>iptables-restore --noflush</c>, one batch per change) — see
/// docs/adr/bridge-networking.md. Every rule carries a comment naming its owner (<c>berth-net:&lt;bridge&gt;</c>
/// or <c>berth:&lt;container id&gt;</c>) so teardown and reconciliation find exactly their own rules.
/// </summary>
public sealed class BridgeDriver(ICommandRunner commands)
{
    public const string ForwardChain = "BERTH-FORWARD";
    public const string UserChain = "BERTH-USER";
    public const string DnatChain = "BERTH";
    public const string PostroutingChain = "BERTH-POSTROUTING";
    private static readonly CommandOptions Quick = new(TimeSpan.FromSeconds(30));
    private readonly SemaphoreSlim _iptablesLock = new(1, 1);
    /// <summary>Host veths being deleted in the background, by name (see <see cref="DetachInBackground"/>).</summary>
    private readonly ConcurrentDictionary<string, Task> _detaching = new(StringComparer.Ordinal);

    /// <summary>Creates the bridge with its gateway address (if missing), the shared chains and the network's rules.</summary>
    public async Task EnsureNetworkAsync(NetworkRecord network, CancellationToken cancellationToken)
    {
        var subnet = Ipv4Subnet.Parse(network.Subnet);
        if (!Directory.Exists($"/sys/class/net/{network.Bridge}"))
        {
            await RunAsync("ip", ["link", "add", network.Bridge, "type", "bridge"], cancellationToken, check: false).ConfigureAwait(false);
            await RunAsync("ip", ["addr", "replace", $"{network.Gateway}/{subnet.PrefixLength}", "dev", network.Bridge], cancellationToken).ConfigureAwait(false);
        }
        await RunAsync("ip", ["link", "set", network.Bridge, "up"], cancellationToken).ConfigureAwait(false);
        // Published ports answer on the host's 127.0.0.1: DNAT'd loopback traffic may leave through the bridge.
        await WriteSysctlAsync($"/proc/sys/net/ipv4/conf/{network.Bridge}/route_localnet", "1").ConfigureAwait(false);
        await EnsureRulesAsync(network, subnet, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the network's rules and its bridge.</summary>
    public async Task RemoveNetworkAsync(NetworkRecord network, CancellationToken cancellationToken)
    {
        await DeleteRulesAsync(NetworkComment(network.Bridge), cancellationToken).ConfigureAwait(false);
        await RunAsync("ip", ["link", "del", network.Bridge], cancellationToken, check: false).ConfigureAwait(false);
    }

    /// <summary>A new network namespace bind-mounted at <paramref name="path"/>, its loopback up (no process forked).</summary>
    public async Task CreateSandboxAsync(string path, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path)) RemoveSandbox(path);
        await using (File.Create(path)) { }
        await NetworkNamespaceThread.CreateAsync(path, () =>
        {
            using var socket = new NetlinkSocket();
            NetlinkLinks.SetUp(socket, NetlinkLinks.Index("lo"), "lo");
        }).ConfigureAwait(false);
    }

    /// <summary>Unmounts and deletes a namespace file (nothing to do when it is gone).</summary>
    public static void RemoveSandbox(string path)
    {
        if (!File.Exists(path)) return;
        _ = Libc.Umount2(path, Libc.MNT_DETACH);
        File.Delete(path);
    }

    /// <summary>
    /// A veth pair: <see cref="ContainerEndpoint.Interface"/> inside the namespace with the endpoint's MAC and
    /// address (and the default route when <paramref name="defaultRoute"/>), the host end enslaved to the bridge.
    /// All through rtnetlink: no process is forked per container.
    /// </summary>
    public async Task AttachAsync(string sandbox, NetworkRecord network, ContainerEndpoint endpoint, bool defaultRoute, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // A restarted container reuses its veth name: the old pair's background deletion must be over.
        if (_detaching.TryGetValue(endpoint.HostVeth, out var pending)) await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
        using (var host = new NetlinkSocket())
        {
            var namespaceFd = Libc.Open(sandbox, Libc.O_RDONLY | Libc.O_CLOEXEC, 0);
            Errno.ThrowIfError(namespaceFd, "open", sandbox);
            try
            {
                NetlinkLinks.AddVethPair(host, endpoint.HostVeth, endpoint.Interface, endpoint.MacAddress, namespaceFd);
            }
            finally
            {
                _ = Libc.Close(namespaceFd);
            }
            NetlinkLinks.SetUp(host, NetlinkLinks.Index(endpoint.HostVeth), endpoint.HostVeth, NetlinkLinks.Index(network.Bridge));
        }
        var address = Ipv4Subnet.ParseAddress(endpoint.IpAddress);
        var gateway = defaultRoute && !network.Internal ? Ipv4Subnet.ParseAddress(endpoint.Gateway) : 0;
        await NetworkNamespaceThread.EnterAsync(sandbox, () =>
        {
            using var inside = new NetlinkSocket();
            var index = NetlinkLinks.Index(endpoint.Interface);
            NetlinkLinks.AddAddress(inside, index, address, endpoint.PrefixLength, endpoint.Interface);
            NetlinkLinks.SetUp(inside, index, endpoint.Interface);
            if (gateway != 0) NetlinkLinks.AddDefaultRoute(inside, gateway);
        }).ConfigureAwait(false);
    }

    /// <summary>Deletes the host end of a veth pair (which takes its peer along); gone already is fine.</summary>
    public async Task DetachAsync(ContainerEndpoint endpoint, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_detaching.TryGetValue(endpoint.HostVeth, out var pending)) await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
        using var host = new NetlinkSocket();
        NetlinkLinks.Delete(host, endpoint.HostVeth);
    }

    /// <summary>
    /// Deletes the host end of a veth pair off the caller's path: the kernel spends 5–20 ms of RCU grace periods
    /// per deletion, and a removed container's namespace is gone already (its veths go with it anyway; this
    /// covers a namespace still held, e.g. by a <c>container:</c> joiner). <see cref="AttachAsync"/> and
    /// <see cref="DetachAsync"/> of the same name wait for it, so a restart never races its own old veth.
    /// </summary>
    public void DetachInBackground(ContainerEndpoint endpoint, Action<string, string> onFailure)
    {
        var name = endpoint.HostVeth;
        var previous = _detaching.GetValueOrDefault(name) ?? Task.CompletedTask;
        Task? deletion = null;
        deletion = new Task(() =>
        {
            try
            {
                using var host = new NetlinkSocket();
                NetlinkLinks.Delete(host, name);
            }
            catch (BerthException ex)
            {
                onFailure(name, ex.Message);
            }
            finally
            {
                _detaching.TryRemove(new KeyValuePair<string, Task>(name, deletion!));
            }
        });
        _detaching[name] = deletion;
        _ = previous.ContinueWith(_ => deletion.Start(TaskScheduler.Default), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    /// <summary>Completes when every background veth deletion started so far is over (tests, shutdown).</summary>
    public Task DetachedAsync() => Task.WhenAll(_detaching.Values);

    /// <summary>DNAT rules for a container's published ports (one iptables-restore batch).</summary>
    public async Task PublishAsync(string containerId, string containerIp, IReadOnlyList<PublishedPort> ports, CancellationToken cancellationToken)
    {
        if (ports.Count == 0) return;
        var batch = new StringBuilder("*nat\n");
        foreach (var port in ports)
        {
            var destination = port.HostIp is "0.0.0.0" or "" ? "" : $"-d {port.HostIp}/32 ";
            batch.Append(CultureInfo.InvariantCulture,
                $"-A {DnatChain} -p {port.Protocol} {destination}-m {port.Protocol} --dport {port.HostPort} -m comment --comment {ContainerComment(containerId)} -j DNAT --to-destination {containerIp}:{port.ContainerPort}\n");
        }
        batch.Append("COMMIT\n");
        await RestoreAsync(batch.ToString(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes every rule a container owns.</summary>
    public Task UnpublishAsync(string containerId, CancellationToken cancellationToken) =>
        DeleteRulesAsync(ContainerComment(containerId), cancellationToken);

    /// <summary>The container ids that own rules now (for start-up reconciliation).</summary>
    public async Task<IReadOnlySet<string>> RuleOwnersAsync(CancellationToken cancellationToken)
    {
        var owners = new HashSet<string>(StringComparer.Ordinal);
        var saved = await RunAsync("iptables-save", ["-t", "nat"], cancellationToken).ConfigureAwait(false);
        foreach (var line in saved.Split('\n'))
        {
            var at = line.IndexOf("berth:", StringComparison.Ordinal);
            if (at >= 0) owners.Add(new string(line.AsSpan(at + 6).TrimEnd('"').ToString().TakeWhile(char.IsAsciiHexDigit).ToArray()));
        }
        return owners;
    }

    public static string ContainerComment(string containerId) => "berth:" + containerId;
    public static string NetworkComment(string bridge) => "berth-net:" + bridge;

    private async Task EnsureRulesAsync(NetworkRecord network, Ipv4Subnet subnet, CancellationToken cancellationToken)
    {
        await _iptablesLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var hostLock = await IptablesHostLock.AcquireAsync(cancellationToken).ConfigureAwait(false);
            var filter = await RunAsync("iptables-save", ["-t", "filter"], cancellationToken).ConfigureAwait(false);
            var nat = await RunAsync("iptables-save", ["-t", "nat"], cancellationToken).ConfigureAwait(false);
            var comment = NetworkComment(network.Bridge);
            var br = network.Bridge;
            var batch = new StringBuilder("*filter\n");
            if (!filter.Contains($":{ForwardChain} ", StringComparison.Ordinal)) batch.Append(CultureInfo.InvariantCulture, $":{ForwardChain} - [0:0]\n");
            if (!filter.Contains($":{UserChain} ", StringComparison.Ordinal))
                batch.Append(CultureInfo.InvariantCulture, $":{UserChain} - [0:0]\n-A {UserChain} -j RETURN\n");
            if (!filter.Contains($"-A FORWARD -j {ForwardChain}", StringComparison.Ordinal)) batch.Append(CultureInfo.InvariantCulture, $"-I FORWARD 1 -j {ForwardChain}\n");
            var haveNetworkRules = filter.Contains(comment + " ", StringComparison.Ordinal) || filter.Contains(comment + "\n", StringComparison.Ordinal);
            if (!haveNetworkRules)
            {
                var c = $"-m comment --comment {comment}";
                batch.Append(CultureInfo.InvariantCulture, $"-A {ForwardChain} -o {br} -m conntrack --ctstate RELATED,ESTABLISHED {c} -j ACCEPT\n");
                batch.Append(CultureInfo.InvariantCulture, $"-A {ForwardChain} -o {br} -m conntrack --ctstate DNAT {c} -j {UserChain}\n");
                batch.Append(CultureInfo.InvariantCulture, $"-A {ForwardChain} -o {br} -m conntrack --ctstate DNAT {c} -j ACCEPT\n");
                batch.Append(CultureInfo.InvariantCulture, $"-A {ForwardChain} -i {br} -o {br} {c} -j ACCEPT\n");
                if (network.Internal)
                    batch.Append(CultureInfo.InvariantCulture, $"-A {ForwardChain} -i {br} ! -o {br} {c} -j DROP\n-A {ForwardChain} -o {br} ! -i {br} {c} -j DROP\n");
                else
                    batch.Append(CultureInfo.InvariantCulture, $"-A {ForwardChain} -i {br} ! -o {br} {c} -j ACCEPT\n");
            }
            batch.Append("COMMIT\n*nat\n");
            if (!nat.Contains($":{DnatChain} ", StringComparison.Ordinal)) batch.Append(CultureInfo.InvariantCulture, $":{DnatChain} - [0:0]\n");
            if (!nat.Contains($":{PostroutingChain} ", StringComparison.Ordinal)) batch.Append(CultureInfo.InvariantCulture, $":{PostroutingChain} - [0:0]\n");
            if (!nat.Contains($"-A PREROUTING -m addrtype --dst-type LOCAL -j {DnatChain}", StringComparison.Ordinal))
                batch.Append(CultureInfo.InvariantCulture, $"-A PREROUTING -m addrtype --dst-type LOCAL -j {DnatChain}\n");
            if (!nat.Contains($"-A OUTPUT -m addrtype --dst-type LOCAL -j {DnatChain}", StringComparison.Ordinal))
                batch.Append(CultureInfo.InvariantCulture, $"-A OUTPUT -m addrtype --dst-type LOCAL -j {DnatChain}\n");
            if (!nat.Contains($"-A POSTROUTING -j {PostroutingChain}", StringComparison.Ordinal))
                batch.Append(CultureInfo.InvariantCulture, $"-A POSTROUTING -j {PostroutingChain}\n");
            if (!haveNetworkRules)
            {
                var c = $"-m comment --comment {comment}";
                if (!network.Internal)
                    batch.Append(CultureInfo.InvariantCulture, $"-A {PostroutingChain} -s {subnet} ! -o {br} {c} -j MASQUERADE\n");
                batch.Append(CultureInfo.InvariantCulture, $"-A {PostroutingChain} -s 127.0.0.0/8 -o {br} {c} -j MASQUERADE\n");
            }
            batch.Append("COMMIT\n");
            await RestoreUnlockedAsync(batch.ToString(), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _iptablesLock.Release();
        }
    }

    /// <summary>Deletes, in both tables, every rule whose comment is <paramref name="comment"/>.</summary>
    private async Task DeleteRulesAsync(string comment, CancellationToken cancellationToken)
    {
        await _iptablesLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var hostLock = await IptablesHostLock.AcquireAsync(cancellationToken).ConfigureAwait(false);
            var batch = new StringBuilder();
            foreach (var table in new[] { "filter", "nat" })
            {
                var saved = await RunAsync("iptables-save", ["-t", table], cancellationToken).ConfigureAwait(false);
                var rules = saved.Split('\n').Where(l => l.StartsWith("-A ", StringComparison.Ordinal) && OwnedBy(l, comment)).ToList();
                if (rules.Count == 0) continue;
                batch.Append(CultureInfo.InvariantCulture, $"*{table}\n");
                foreach (var rule in rules) batch.Append("-D ").Append(rule.AsSpan(3)).Append('\n');
                batch.Append("COMMIT\n");
            }
            if (batch.Length > 0) await RestoreUnlockedAsync(batch.ToString(), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _iptablesLock.Release();
        }
    }

    private static bool OwnedBy(string rule, string comment) =>
        rule.Contains($"--comment {comment} ", StringComparison.Ordinal) || rule.Contains($"--comment \"{comment}\"", StringComparison.Ordinal)
        || rule.EndsWith($"--comment {comment}", StringComparison.Ordinal);

    private async Task RestoreAsync(string batch, CancellationToken cancellationToken)
    {
        await _iptablesLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await RestoreUnlockedAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _iptablesLock.Release();
        }
    }

    private Task RestoreUnlockedAsync(string batch, CancellationToken cancellationToken) =>
        commands.RunAsync("iptables-restore", ["-w", "--noflush"], Quick with { StandardInput = Encoding.ASCII.GetBytes(batch) }, cancellationToken);

    private async Task<string> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken, bool check = true)
    {
        var result = await commands.RunAsync(program, arguments, Quick with { CheckExitCode = check }, cancellationToken).ConfigureAwait(false);
        return result.StandardOutput;
    }

    public static async Task WriteSysctlAsync(string path, string value)
    {
        if (File.Exists(path) && (await File.ReadAllTextAsync(path).ConfigureAwait(false)).Trim() != value)
            await File.WriteAllTextAsync(path, value).ConfigureAwait(false);
    }
}
