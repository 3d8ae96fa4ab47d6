using System.CommandLine;
using Berth.Api;
using Berth.Cli.Parsing;

namespace Berth.Cli.Commands.Containers;

/// <summary>
/// <c>berth update [--memory] [--memory-swap] [--memory-reservation] [--cpus] [--cpu-shares] [--cpu-quota]
/// [--cpu-period] [--cpuset-cpus] [--cpuset-mems] [--pids-limit] [--restart] CONTAINER...</c>: prints each name updated.
/// </summary>
internal sealed class UpdateCommand : Command
{
    private readonly Argument<string[]> _containers = new("CONTAINER") { Arity = ArgumentArity.OneOrMore };
    private readonly Option<string?> _memory = new("--memory", "-m") { Description = "Memory limit" };
    private readonly Option<string?> _memorySwap = new("--memory-swap") { Description = "Swap limit equal to memory plus swap: -1 to enable unlimited swap" };
    private readonly Option<string?> _memoryReservation = new("--memory-reservation") { Description = "Memory soft limit" };
    private readonly Option<string?> _cpus = new("--cpus") { Description = "Number of CPUs" };
    private readonly Option<long?> _cpuShares = new("--cpu-shares", "-c") { Description = "CPU shares (relative weight)" };
    private readonly Option<long?> _cpuQuota = new("--cpu-quota") { Description = "Limit CPU CFS (Completely Fair Scheduler) quota" };
    private readonly Option<long?> _cpuPeriod = new("--cpu-period") { Description = "Limit CPU CFS (Completely Fair Scheduler) period" };
    private readonly Option<string?> _cpusetCpus = new("--cpuset-cpus") { Description = "CPUs in which to allow execution (0-3, 0,1)" };
    private readonly Option<string?> _cpusetMems = new("--cpuset-mems") { Description = "MEMs in which to allow execution (0-3, 0,1)" };
    private readonly Option<long?> _pidsLimit = new("--pids-limit") { Description = "Tune container pids limit (set -1 for unlimited)" };
    private readonly Option<string?> _restart = new("--restart") { Description = "Restart policy to apply when a container exits" };

    public UpdateCommand(CliContext context, string name = "update") : base(name, "Update configuration of one or more containers")
    {
        Add(_containers);
        foreach (var option in (Option[])[_memory, _memorySwap, _memoryReservation, _cpus, _cpuShares, _cpuQuota, _cpuPeriod,
            _cpusetCpus, _cpusetMems, _pidsLimit, _restart])
        {
            Add(option);
        }
        SetAction((parseResult, ct) => CommandExecution.RunAsync(context, parseResult, (client, token) =>
        {
            var update = BuildRequest(parseResult);
            return CommandExecution.ForEachAsync(context, parseResult.GetValue(_containers)!, id =>
                client.Containers.UpdateAsync(id, update, token));
        }, ct));
    }

    private ContainerUpdateRequest BuildRequest(ParseResult parseResult)
    {
        if (!parseResult.CommandResult.Children.OfType<System.CommandLine.Parsing.OptionResult>().Any())
            throw new CliUsageException("you must provide one or more flags when using this command");
        var memorySwap = parseResult.GetValue(_memorySwap);
        var restart = parseResult.GetValue(_restart);
        return new ContainerUpdateRequest
        {
            Memory = Size(parseResult.GetValue(_memory), "--memory"),
            MemorySwap = memorySwap == "-1" ? -1 : Size(memorySwap, "--memory-swap"),
            MemoryReservation = Size(parseResult.GetValue(_memoryReservation), "--memory-reservation"),
            NanoCpus = parseResult.GetValue(_cpus) is { } cpus ? ContainerRequestBuilder.NanoCpus(cpus) : 0,
            CpuShares = parseResult.GetValue(_cpuShares) ?? 0,
            CpuQuota = parseResult.GetValue(_cpuQuota) ?? 0,
            CpuPeriod = parseResult.GetValue(_cpuPeriod) ?? 0,
            CpusetCpus = parseResult.GetValue(_cpusetCpus),
            CpusetMems = parseResult.GetValue(_cpusetMems),
            PidsLimit = parseResult.GetValue(_pidsLimit),
            RestartPolicy = string.IsNullOrEmpty(restart) ? null : ContainerRequestBuilder.ParseRestart(restart),
        };
    }

    private static long Size(string? value, string flag)
    {
        if (value is null) return 0;
        try
        {
            return ByteSize.Parse(value);
        }
        catch (FormatException e)
        {
            throw new CliUsageException($"invalid argument \"{value}\" for \"{flag}\" flag: {e.Message}", e);
        }
    }
}
