using System.Runtime.CompilerServices;
using System.Text.Json;
using Berth.Api;

namespace Berth.Client.Streams;

/// <summary>Reads the <c>/events</c> stream: one <see cref="EventMessage"/> JSON object per line.</summary>
public static class EventMessageReader
{
    public static async IAsyncEnumerable<EventMessage> ReadAllAsync(Stream source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(source, leaveOpen: true);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (JsonSerializer.Deserialize(line, BerthApiJsonContext.Default.EventMessage) is { } message)
                yield return message;
        }
    }
}
