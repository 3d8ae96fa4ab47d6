using System.Globalization;
using Berth.Api;
using Berth.Cli.Output;

namespace Berth.Cli.Commands.Images;

/// <summary>
/// Draws a pull/push JSON message stream as docker's CLI does (jsonmessage.DisplayJSONMessagesStream): on a
/// terminal one line per layer id, redrawn in place (<c>abc123def456: Downloading [====>   ]  1.2MB/5MB</c>);
/// otherwise plain lines, leaving out the byte-progress updates. Returns the stream's error, if any.
/// </summary>
public sealed class TransferProgressView(TextWriter output, bool isTerminal, int width)
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    /// <summary>Aux messages (push results) seen, for callers that want them.</summary>
    public List<JsonMessage> Aux { get; } = [];

    public async Task<string?> ShowAsync(IAsyncEnumerable<JsonMessage> messages, CancellationToken cancellationToken)
    {
        await foreach (var message in messages.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (message.ErrorDetail is not null || !string.IsNullOrEmpty(message.Error)) return message.ErrorDetail?.Message ?? message.Error;
            if (message.Aux is not null)
            {
                Aux.Add(message);
                continue;
            }
            await WriteAsync(message).ConfigureAwait(false);
        }
        return null;
    }

    private async Task WriteAsync(JsonMessage message)
    {
        var progress = message.ProgressDetail is { } detail ? Bar(detail.Current ?? 0, detail.Total ?? 0) : "";
        if (!isTerminal && progress.Length > 0) return; // docker: no progress bars off a terminal
        var up = 0;
        var isLayerLine = !string.IsNullOrEmpty(message.Id) && message.ProgressDetail is not null;
        if (isLayerLine)
        {
            if (!_lines.TryGetValue(message.Id!, out var line))
            {
                line = _lines.Count;
                _lines[message.Id!] = line;
                if (isTerminal) await output.WriteAsync('\n').ConfigureAwait(false);
            }
            up = _lines.Count - line;
            if (isTerminal) await output.WriteAsync($"\u001b[{up}A").ConfigureAwait(false);
        }
        else
        {
            _lines.Clear();
        }
        var text = (string.IsNullOrEmpty(message.Id) ? "" : message.Id + ": ") + (message.Status ?? message.Stream ?? "");
        if (progress.Length > 0) text += " " + progress;
        if (isTerminal && isLayerLine)
            await output.WriteAsync($"\u001b[2K\r{text}\r\u001b[{up}B").ConfigureAwait(false);
        else
            await output.WriteAsync(text + "\n").ConfigureAwait(false);
    }

    /// <summary>jsonmessage JSONProgress.String: the bar only on wide terminals, then <c>current/total</c>.</summary>
    private string Bar(long current, long total)
    {
        if (current <= 0 && total <= 0) return "";
        if (total <= 0) return HumanUnits.Size(current).PadLeft(8);
        var percentage = Math.Min(50, (int)(current * 100.0 / total) / 2);
        var bar = width > 110 ? $"[{new string('=', percentage)}>{new string(' ', 50 - percentage)}] " : "";
        var numbers = current > total
            ? HumanUnits.Size(current).PadLeft(8)
            : string.Create(CultureInfo.InvariantCulture, $"{HumanUnits.Size(current),8}/{HumanUnits.Size(total)}");
        return bar + numbers;
    }
}
