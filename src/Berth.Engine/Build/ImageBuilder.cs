using System.Globalization;
using System.Text.Json;
using Berth.Core;
using Berth.Core.Archive;
using Berth.Core.Oci;
using Berth.Core.References;
using Berth.Engine.Build.Dockerfile;
using Berth.Engine.Containers;
using Berth.Engine.Distribution;
using Berth.Engine.Images;

using Berth.Engine.Specs;

namespace Berth.Engine.Build;

/// <summary>
/// The classic (non-BuildKit) Dockerfile builder: each step makes an image on the previous one — RUN in an
/// intermediate container of the engine's own runtime, COPY/ADD into a fresh layer, the rest as empty-layer
/// (metadata-only) images — reused from <see cref="BuildCache"/> when the parent, the instruction, its
/// effective args/env and (COPY/ADD) the sources' checksum match. Only the stages the target needs are built.
/// </summary>
public sealed partial class ImageBuilder(IImageService images, ContainerService containers, ContainerPaths paths, BuildCache cache, PullService? pulls = null)
{
    /// <summary>ARGs every build accepts without a declaration (Docker's predefined proxy args).</summary>
    private static readonly HashSet<string> PredefinedArgs = new(StringComparer.Ordinal)
    {
        "HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy",
    };

    /// <summary>
    /// Builds from a context tar (plain or compressed) read into a <see cref="ContextArchive"/>: its data is
    /// written out only when a COPY/ADD step misses the cache. Everything is removed afterwards.
    /// </summary>
    public async Task<ImageRecord> BuildFromArchiveAsync(Stream archive, BuildRequest request, BuildOutput output, CancellationToken cancellationToken)
    {
        var tar = await Decompressor.OpenAsync(archive, cancellationToken, leaveOpen: true).ConfigureAwait(false);
        ContextArchive context;
        await using (tar.ConfigureAwait(false))
            context = await ContextArchive.ReadAsync(tar, Path.Combine(paths.DataRoot, "builder", "contexts"), cancellationToken).ConfigureAwait(false);
        using (context)
            return await BuildAsync(context.Skeleton, context, request, output, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Builds the Dockerfile of the context directory; tags the result. Returns the final image.</summary>
    public Task<ImageRecord> BuildAsync(string contextDirectory, BuildRequest request, BuildOutput output, CancellationToken cancellationToken) =>
        BuildAsync(contextDirectory, null, request, output, cancellationToken);

    private async Task<ImageRecord> BuildAsync(string contextDirectory, ContextArchive? archive, BuildRequest request, BuildOutput output, CancellationToken cancellationToken)
    {
        var references = request.Tags.Select(ParseTag).ToList();
        var dockerfileName = request.Dockerfile.TrimStart('/');
        // A Dockerfile or .dockerignore too large to be in the skeleton: the context is unpacked before anything.
        if (archive is not null && (archive.IsHollow(Path.Combine(contextDirectory, dockerfileName)) || archive.IsHollow(Path.Combine(contextDirectory, ".dockerignore"))))
        {
            contextDirectory = await archive.MaterializeAsync(cancellationToken).ConfigureAwait(false);
            archive = null;
        }
        var context = new BuildContext(contextDirectory, DockerIgnore.Load(contextDirectory), isBuildContext: true, archive);
        // Resolved inside the context: a Dockerfile that is a symlink in the context tar never reads a host file.
        var dockerfilePath = RootfsPath.Resolve(context.Root, dockerfileName);
        if (!dockerfilePath.StartsWith(context.Root + "/", StringComparison.Ordinal) || !File.Exists(dockerfilePath))
            throw BerthException.Invalid($"Cannot locate specified Dockerfile: {request.Dockerfile}");
        var parsed = DockerfileParser.Parse(await File.ReadAllTextAsync(dockerfilePath, cancellationToken).ConfigureAwait(false));

        var plan = BuildPlan.From(parsed, request);
        var run = new BuildRun(request, context, archive, parsed.EscapeToken, output, plan);
        foreach (var stage in plan.Stages)
        {
            if (!plan.Needed.Contains(stage.Index)) continue;
            var built = await BuildStageAsync(run, plan, stage, cancellationToken).ConfigureAwait(false);
            run.Results[stage.Index] = built;
            if (stage.Index == plan.TargetIndex) break;
        }
        var final = run.Results[plan.TargetIndex]
                    ?? throw BerthException.Invalid("No image was generated. Is your Dockerfile empty?");

        if (request.Labels.Count > 0)
        {
            var config = CloneExecution(final.Config.Config);
            config.Labels ??= [];
            foreach (var (k, v) in request.Labels) config.Labels[k] = v;
            final = await images.CommitImageAsync(new ImageCommitRequest(final, config, null, false,
                "/bin/sh -c #(nop)  LABEL " + string.Join(' ', request.Labels.Select(l => $"{l.Key}={l.Value}")), null, null, []), cancellationToken).ConfigureAwait(false);
        }
        var unused = request.BuildArgs.Keys.Where(k => !run.UsedArgs.Contains(k) && !PredefinedArgs.Contains(k)).Order(StringComparer.Ordinal).ToList();
        if (unused.Count > 0)
            await output($"[Warning] One or more build-args [{string.Join(' ', unused)}] were not consumed\n", cancellationToken).ConfigureAwait(false);
        foreach (var reference in references)
            await images.TagAsync(final.Id.ToString(), reference.ToString(), cancellationToken).ConfigureAwait(false);
        return final;
    }

    private async Task<ImageRecord?> BuildStageAsync(BuildRun run, BuildPlan plan, BuildPlan.Stage planned, CancellationToken cancellationToken)
    {
        var from = planned.From;
        await run.StepAsync($"FROM {from.Arguments}", cancellationToken).ConfigureAwait(false);
        var stage = new BuildStage(planned.Index, planned.Name);
        var baseName = planned.BaseName;
        var previous = plan.FindStage(baseName, planned.Index);
        if (previous is not null)
        {
            stage.Image = run.Results[previous.Index];
        }
        else if (!baseName.Equals("scratch", StringComparison.OrdinalIgnoreCase))
        {
            stage.Image = await BaseImageAsync(run, baseName, planned.Platform, cancellationToken).ConfigureAwait(false);
        }
        stage.Config = CloneExecution(stage.Image?.Config.Config);
        await run.WriteAsync(stage.Image is null ? " ---> scratch\n" : $" ---> {ShortId(stage.Image.Id)}\n", cancellationToken).ConfigureAwait(false);

        // ONBUILD triggers of the base image run first and are not inherited further (Dockerfile reference).
        if (stage.Config.OnBuild is { Count: > 0 } triggers)
        {
            stage.Config.OnBuild = null;
            await run.WriteAsync($"# Executing {triggers.Count} build trigger{(triggers.Count == 1 ? "" : "s")}\n", cancellationToken).ConfigureAwait(false);
            foreach (var trigger in triggers)
                await DispatchAsync(run, stage, DockerfileParser.ParseLine(trigger, from.Line), cancellationToken).ConfigureAwait(false);
        }

        foreach (var instruction in planned.Instructions)
        {
            await run.StepAsync($"{instruction.Keyword} {Display(instruction)}", cancellationToken).ConfigureAwait(false);
            await DispatchAsync(run, stage, instruction, cancellationToken).ConfigureAwait(false);
            await run.WriteAsync(stage.Image is null ? " ---> scratch\n" : $" ---> {ShortId(stage.Image.Id)}\n", cancellationToken).ConfigureAwait(false);
        }
        return stage.Image;
    }

    private Task DispatchAsync(BuildRun run, BuildStage stage, DockerfileInstruction instruction, CancellationToken cancellationToken) =>
        instruction.Keyword switch
        {
            "RUN" => RunAsync(run, stage, instruction, cancellationToken),
            "COPY" or "ADD" => CopyAsync(run, stage, instruction, cancellationToken),
            "FROM" => throw DockerfileParser.Error(instruction.Line, "FROM is not allowed as an ONBUILD trigger"),
            _ => MetadataAsync(run, stage, instruction, cancellationToken),
        };

    private static void DeclareArgs(BuildRun run, BuildStage stage, DockerfileInstruction instruction)
    {
        foreach (var (name, defaultValue) in KeyValueArguments.Parse("ARG", instruction.Arguments, stage.Lookup, run.Escape, allowBare: true))
        {
            run.UsedArgs.Add(name);
            stage.Args[name] = run.Request.BuildArgs.TryGetValue(name, out var given) && given is not null ? given : defaultValue;
        }
    }

    /// <summary>Makes the step's image unless the cache has one for <paramref name="key"/>; moves the stage onto it.</summary>
    private async Task CachedStepAsync(BuildRun run, BuildStage stage, string key, Func<Task<ImageRecord>> make, CancellationToken cancellationToken)
    {
        if (!run.Request.NoCache && cache.TryGet(key) is { } cachedId && images.TryGet(cachedId) is { } cached)
        {
            cache.MarkUsed(key);
            await run.WriteAsync(" ---> Using cache\n", cancellationToken).ConfigureAwait(false);
            stage.Image = cached;
            stage.Config = CloneExecution(cached.Config.Config);
            return;
        }
        var image = await make().ConfigureAwait(false);
        await cache.PutAsync(key, image.Id.ToString(), cancellationToken).ConfigureAwait(false);
        stage.Image = image;
        stage.Config = CloneExecution(image.Config.Config);
    }

    private static ImageExecutionConfig CloneExecution(ImageExecutionConfig? config)
    {
        if (config is null) return new ImageExecutionConfig();
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new ImageConfig { Config = config }, OciJsonContext.Default.ImageConfig);
        return JsonSerializer.Deserialize(bytes, OciJsonContext.Default.ImageConfig)!.Config ?? new ImageExecutionConfig();
    }

    private static string ConfigJson(ImageExecutionConfig config) =>
        JsonSerializer.Serialize(new ImageConfig { Config = config }, OciJsonContext.Default.ImageConfig);

    private static string Display(DockerfileInstruction instruction)
    {
        var flags = instruction.Flags.Count == 0 ? "" : string.Join(' ', instruction.Flags) + " ";
        return flags + instruction.Arguments;
    }

    private static ImageReference ParseTag(string tag)
    {
        var reference = ImageReference.Parse(tag);
        if (reference.IsCanonical) throw BerthException.Invalid($"invalid tag {tag}: a digest is not a tag");
        return reference.WithDefaultTag();
    }

    public static string ShortId(Digest id) => id.ToString()["sha256:".Length..][..12];

    /// <summary>Per-build state shared by the steps: the request, the context, the output and step counter.</summary>
    private sealed class BuildRun(BuildRequest request, BuildContext context, ContextArchive? archive, char escape, BuildOutput output, BuildPlan plan)
    {
        private int _step;
        private BuildContext? _materialized;
        public BuildRequest Request { get; } = request;
        public BuildContext Context { get; } = context;
        public char Escape { get; } = escape;
        public BuildPlan Plan { get; } = plan;
        public Dictionary<int, ImageRecord?> Results { get; } = [];
        public HashSet<string> UsedArgs { get; } = new(StringComparer.Ordinal);

        public Task StepAsync(string text, CancellationToken cancellationToken) =>
            output(string.Create(CultureInfo.InvariantCulture, $"Step {++_step}/{Plan.TotalSteps} : {text}\n"), cancellationToken);

        public Task WriteAsync(string text, CancellationToken cancellationToken) => output(text, cancellationToken);

        /// <summary>
        /// The build context with its files' contents, for a COPY/ADD that copies them: <see cref="Context"/>
        /// itself, or (a context read from a tar) the tar unpacked for real, once. Paths relative to one hold in the other.
        /// </summary>
        public async Task<BuildContext> ContentContextAsync(CancellationToken cancellationToken)
        {
            if (archive is null) return Context;
            return _materialized ??= new BuildContext(await archive.MaterializeAsync(cancellationToken).ConfigureAwait(false), Context.Ignore, isBuildContext: true);
        }
    }
}
