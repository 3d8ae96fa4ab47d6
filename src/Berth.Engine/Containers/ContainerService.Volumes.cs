using Berth.Core;
using Microsoft.Extensions.Logging;

namespace Berth.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>Removes an anonymous volume of a removed container; one another container still mounts stays.</summary>
    private async Task RemoveVolumeQuietlyAsync(string name)
    {
        try
        {
            await _volumes.RemoveAsync(name, force: true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is BerthException or IOException or UnauthorizedAccessException)
        {
            LogVolumeKept(_logger, name, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Kept volume {Volume} of a removed container: {Reason}")]
    private static partial void LogVolumeKept(ILogger logger, string volume, string reason);
}
