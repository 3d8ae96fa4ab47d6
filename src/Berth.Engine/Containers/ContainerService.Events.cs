using System.Globalization;
using Berth.Engine.Events;
using Berth.Engine.Runtime;

namespace Berth.Engine.Containers;

/// <summary>The container events whose attributes take more than a line to fill (dockerd's monitor and kill paths).</summary>
public sealed partial class ContainerService
{
    /// <summary>After an exit is recorded: <c>oom</c> when the kernel killed it, then <c>die</c> with exitCode and execDuration (whole seconds).</summary>
    private void PublishExitEvents(ContainerRecord record, ExitRecord exit)
    {
        if (exit.OomKilled) _events.PublishContainerEvent(record, ContainerEvents.Oom);
        var ran = exit.ExitedAt - (record.State.StartedAt ?? exit.ExitedAt);
        _events.PublishContainerEvent(record, ContainerEvents.Die, new Dictionary<string, string>
        {
            ["exitCode"] = exit.ExitCode.ToString(CultureInfo.InvariantCulture),
            ["execDuration"] = ((long)Math.Max(0, ran.TotalSeconds)).ToString(CultureInfo.InvariantCulture),
        });
    }

    /// <summary>A signal was delivered (stop, kill, rm -f): <c>kill</c> with the signal's number.</summary>
    private void PublishKillEvent(string id, int signal)
    {
        if (_store.View.Find(id) is not { } record) return;
        _events.PublishContainerEvent(record, ContainerEvents.Kill,
            new Dictionary<string, string> { ["signal"] = signal.ToString(CultureInfo.InvariantCulture) });
    }

    /// <summary>A client attached to the container's streams (<c>attach</c>), or left them with the detach keys (<c>detach</c>).</summary>
    public void PublishAttachEvent(string id, bool detached)
    {
        if (_store.View.Find(id) is not { } record) return;
        _events.PublishContainerEvent(record, detached ? ContainerEvents.Detach : ContainerEvents.Attach);
    }
}
