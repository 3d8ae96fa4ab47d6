using System.Collections.Concurrent;
using Berth.Engine.Exec;

namespace Berth.Engine.Tests.Health;

/// <summary>Answers probes from a queue of outcomes (the last one repeats); records the commands it was given.</summary>
public sealed class FakeCapturedExec : ICapturedExec
{
    private readonly ConcurrentQueue<Func<ExecOutcome>> _outcomes = new();
    private Func<ExecOutcome> _last = () => new ExecOutcome(0, "", false);

    public ConcurrentQueue<(IReadOnlyList<string> Command, TimeSpan Timeout, int MaxOutputBytes)> Calls { get; } = new();

    public void Enqueue(params ExecOutcome[] outcomes)
    {
        foreach (var outcome in outcomes) _outcomes.Enqueue(() => outcome);
    }

    public void EnqueueFailure(Exception error) => _outcomes.Enqueue(() => throw error);

    public Task<ExecOutcome> RunCapturedAsync(string containerId, IReadOnlyList<string> command, TimeSpan timeout, int maxOutputBytes, CancellationToken cancellationToken)
    {
        Calls.Enqueue((command, timeout, maxOutputBytes));
        if (_outcomes.TryDequeue(out var next)) _last = next;
        return Task.FromResult(_last());
    }
}
