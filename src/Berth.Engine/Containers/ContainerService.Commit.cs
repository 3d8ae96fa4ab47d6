using Berth.Api;
using Berth.Core;
using Berth.Core.Archive;
using Berth.Core.Oci;
using Berth.Core.References;
using Berth.Engine.Events;
using Berth.Engine.Images;

namespace Berth.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>Docker's container event for a commit.</summary>
    public const string CommitEvent = "commit";

    /// <summary>
    /// <c>docker commit</c>: the container's writable layer (copied, the container keeps running) on top of its
    /// image, with the container's config, overridden by <paramref name="overrides"/> and then by
    /// <paramref name="changes"/> (Dockerfile instructions). With <paramref name="pause"/> a running container is
    /// frozen while its files are read.
    /// </summary>
    public async Task<ImageRecord> CommitAsync(string idOrName, string? reference, string? comment, string? author,
        IReadOnlyList<string> changes, bool pause, ContainerConfig? overrides, CancellationToken cancellationToken)
    {
        var record = Get(idOrName);
        var references = new List<ImageReference>();
        if (!string.IsNullOrEmpty(reference))
        {
            var parsed = ImageReference.Parse(reference);
            if (parsed.IsCanonical) throw BerthException.Invalid("refusing to create a tag with a digest reference");
            references.Add(parsed.WithDefaultTag());
        }
        var config = ToImageConfig(record.Config, overrides);
        ChangeInstructions.Apply(config, changes);
        var parent = _images.TryGet(record.ImageId);

        var freeze = pause && record.State.Status == ContainerStatus.Running && _running.ContainsKey(record.Id);
        if (freeze) await _runtime.PauseAsync(record.Id, cancellationToken).ConfigureAwait(false);
        ImageRecord image;
        try
        {
            image = await _images.CommitImageAsync(new ImageCommitRequest(parent, config, record.Id, ConsumeSnapshot: false,
                CreatedBy: string.Join(' ', new[] { record.Path }.Concat(record.Args)), comment, author, references), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (freeze) await _runtime.ResumeAsync(record.Id, CancellationToken.None).ConfigureAwait(false);
        }
        _events.PublishContainerEvent(record, CommitEvent, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["comment"] = comment ?? "",
            ["imageID"] = image.Id.ToString(),
        });
        return image;
    }

    /// <summary><c>docker diff</c>.</summary>
    public IReadOnlyList<FileChange> Changes(string idOrName) => _images.ContainerLayerChanges(Get(idOrName).Id);

    /// <summary>The image config a commit records: the container's config with the caller's non-empty fields on top.</summary>
    private static ImageExecutionConfig ToImageConfig(ContainerConfig container, ContainerConfig? overrides)
    {
        var o = overrides;
        return new ImageExecutionConfig
        {
            User = NonEmpty(o?.User) ?? container.User,
            ExposedPorts = Keys(o?.ExposedPorts ?? container.ExposedPorts),
            Env = o?.Env is { Count: > 0 } ? ContainerImageDefaults.MergeEnv(o.Env, container.Env) : container.Env,
            Entrypoint = o?.Entrypoint ?? container.Entrypoint,
            Cmd = o?.Cmd ?? container.Cmd,
            Volumes = Keys(o?.Volumes ?? container.Volumes),
            WorkingDir = NonEmpty(o?.WorkingDir) ?? container.WorkingDir,
            Labels = o?.Labels ?? container.Labels,
            StopSignal = NonEmpty(o?.StopSignal) ?? container.StopSignal,
            OnBuild = o?.OnBuild ?? container.OnBuild,
            Shell = o?.Shell ?? container.Shell,
        };
    }

    private static Dictionary<string, Core.Oci.EmptyObject>? Keys(Dictionary<string, Api.EmptyObject>? set) =>
        set?.ToDictionary(kv => kv.Key, _ => new Core.Oci.EmptyObject(), StringComparer.Ordinal);

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
