using Berth.Core;
using Berth.Core.References;
using Berth.Engine.Distribution;
using Berth.Engine.Images;

namespace Berth.Engine.Build;

public sealed partial class ImageBuilder
{
    /// <summary>
    /// A FROM's base image: the local one, else pulled through the registry client (as dockerd's classic builder
    /// does), with the request's credentials for the image's registry and the pull's status lines in the output.
    /// </summary>
    private async Task<ImageRecord> BaseImageAsync(BuildRun run, string name, string? platform, CancellationToken cancellationToken)
    {
        if (images.TryGet(name) is { } local) return local;
        if (!ImageReference.TryParse(name, out var reference, out _) || pulls is null)
            throw BerthException.NotFound($"pull access denied for {name}, repository does not exist or may require 'docker login': No such image: {name}");
        reference = reference.WithDefaultTag();
        var credentials = run.Request.Credentials?.Invoke(reference.Domain);
        var progress = new BuildPullProgress(run);
        var result = await pulls.PullAsync(reference, platform, credentials, progress, cancellationToken).ConfigureAwait(false);
        await progress.DrainAsync(cancellationToken).ConfigureAwait(false);
        return result.Image;
    }

    /// <summary>
    /// The pull's status lines as build output (byte counters left out: the classic builder's stream is text
    /// here). Reports arrive on the pull's threads; they are queued and written in order by the build.
    /// </summary>
    private sealed class BuildPullProgress(BuildRun run) : IProgress<TransferProgress>
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

        public void Report(TransferProgress value)
        {
            if (value.Current is not null) return;
            _lines.Enqueue(value.Id is null ? value.Status + "\n" : $"{value.Id}: {value.Status}\n");
        }

        public async Task DrainAsync(CancellationToken cancellationToken)
        {
            while (_lines.TryDequeue(out var line)) await run.WriteAsync(line, cancellationToken).ConfigureAwait(false);
        }
    }
}
