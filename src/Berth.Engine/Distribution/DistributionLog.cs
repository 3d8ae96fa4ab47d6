using Microsoft.Extensions.Logging;

namespace Berth.Engine.Distribution;

internal static partial class DistributionLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Download of {Digest} failed (attempt {Attempt}), retrying: {Error}")]
    public static partial void DownloadRetry(ILogger logger, string digest, int attempt, string error);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Resuming download of {Digest} at byte {Offset}")]
    public static partial void DownloadResumed(ILogger logger, string digest, long offset);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Mirror {Mirror} failed for {Reference}, trying the next endpoint: {Error}")]
    public static partial void MirrorFailed(ILogger logger, string mirror, string reference, string error);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Pulled {Reference} ({Digest})")]
    public static partial void Pulled(ILogger logger, string reference, string digest);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Pushed {Reference} ({Digest})")]
    public static partial void Pushed(ILogger logger, string reference, string digest);
}
