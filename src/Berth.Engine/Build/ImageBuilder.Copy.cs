using System.Text;
using Berth.Core;
using Berth.Core.Archive;
using Berth.Core.Interop;
using Berth.Core.Mounts;
using Berth.Engine.Build.Dockerfile;
using Berth.Engine.Images;
using Berth.Engine.Specs;

namespace Berth.Engine.Build;

public sealed partial class ImageBuilder
{
    /// <summary>
    /// COPY and ADD: sources from the build context (or <c>--from</c> a stage or image) into a new layer on the
    /// current image, written through the mounted image rootfs so existing directories and symlinks are honoured
    /// inside it. The cache key holds a checksum of the sources' contents and metadata (never mtimes).
    /// </summary>
    private async Task CopyAsync(BuildRun run, BuildStage stage, DockerfileInstruction instruction, CancellationToken cancellationToken)
    {
        var keyword = instruction.Keyword;
        var words = instruction.ExecForm?.ToList() ?? ShellWords.ExpandWords(instruction.Arguments, stage.Lookup, run.Escape);
        if (words.Count < 2) throw BerthException.Invalid($"{keyword} requires at least two arguments, but only one was provided. Destination could not be determined.");
        var destination = words[^1];
        var sources = words[..^1];
        var from = instruction.Flag("from") is { } f ? ShellWords.Expand(f, stage.Lookup, run.Escape) : null;
        var chmod = instruction.Flag("chmod") is { } m ? ParseMode(m) : (uint?)null;
        var chown = instruction.Flag("chown") is { } o ? ShellWords.Expand(o, stage.Lookup, run.Escape) : null;
        if (!destination.StartsWith('/'))
            destination = (stage.Config.WorkingDir is { Length: > 0 } w ? w.TrimEnd('/') : "") + "/" + destination;
        var heredocs = instruction.Heredocs.ToDictionary(h => h.Name, StringComparer.Ordinal);
        var fileSources = sources.Where(s => !IsHeredocSource(s, heredocs)).ToList();
        if (sources.Count > 1 && !destination.EndsWith('/'))
            throw BerthException.Invalid($"When using {keyword} with more than one source file, the destination must be a directory and end with a /");
        var urlSources = fileSources.Where(UrlDownload.IsUrl).ToList();
        if (keyword == "COPY" && urlSources.Count > 0) throw BerthException.Invalid("COPY failed: source can't be a URL for COPY");
        var checksum = instruction.Flag("checksum") is { } c ? ShellWords.Expand(c, stage.Lookup, run.Escape) : null;
        if (checksum is not null && (urlSources.Count == 0 || urlSources.Count != fileSources.Count))
            throw BerthException.Invalid($"{keyword} --checksum can only be used with HTTP(S) sources");
        if (checksum is not null && !checksum.StartsWith("sha256:", StringComparison.Ordinal))
            throw BerthException.Invalid($"invalid checksum {checksum}: only sha256 digests are supported");

        var fromImage = from is null ? null : run.Plan.FindStage(from, stage.Index) is { } source
            ? run.Results[source.Index] ?? throw BerthException.Invalid($"{keyword} --from={from}: the stage is empty (scratch)")
            : images.TryGet(from) ?? throw BerthException.NotFound($"{keyword} --from={from}: no stage or image named {from}: No such image: {from}");

        var downloads = new Dictionary<string, UrlDownload>(StringComparer.Ordinal);
        (string Key, string Path)? mount = null;
        try
        {
            // URLs are fetched first (every build, as dockerd's classic builder does): their content is the cache key.
            foreach (var url in urlSources.Distinct(StringComparer.Ordinal))
                downloads[url] = await UrlDownload.FetchAsync(url, checksum, Path.Combine(paths.DataRoot, "builder", "downloads"), cancellationToken).ConfigureAwait(false);
            mount = fromImage is null ? null : await MountImageAsync(fromImage, cancellationToken).ConfigureAwait(false);
            var context = mount is null ? run.Context : new BuildContext(mount.Value.Path, DockerIgnore.Empty, isBuildContext: false);
            var resolved = fileSources.Select(s => downloads.TryGetValue(s, out var d)
                ? (Source: s, Context: new BuildContext(d.Directory, DockerIgnore.Empty, isBuildContext: false), Paths: (List<string>)[d.FileName])
                : (Source: s, Context: context, Paths: context.Resolve(s, keyword))).ToList();
            var localPaths = resolved.Where(r => !downloads.ContainsKey(r.Source)).SelectMany(r => r.Paths).ToList();
            var content = string.Join('\0', downloads.Select(d => $"{d.Key}\0{d.Value.FileName}\0{d.Value.Sha256}")) + "\0" + (fromImage is not null
                ? fromImage.Id + "\0" + string.Join('\0', localPaths)
                : run.Context.Checksum(localPaths));
            var heredocText = string.Join('\0', sources.Where(s => IsHeredocSource(s, heredocs)).Select(s => HeredocContent(heredocs[HeredocName(s)], stage, run.Escape)));
            var createdBy = $"/bin/sh -c #(nop) {keyword} {string.Join(' ', instruction.Flags)} {string.Join(' ', sources)} in {destination} ";
            var key = BuildCache.Key(stage.ParentKey, keyword, string.Join(' ', instruction.Flags), destination, content, heredocText, ConfigJson(stage.Config));
            await CachedStepAsync(run, stage, key, async () =>
            {
                var (layerKey, _) = await images.PrepareBuildLayerAsync(stage.Image, cancellationToken).ConfigureAwait(false);
                try
                {
                    var target = MountPoint();
                    MountExecutor.MountAll(images.ContainerLayerMounts(layerKey), target);
                    try
                    {
                        var owner = chown is null ? (0, 0) : ResolveOwner(target, chown);
                        var options = new CopyOptions(target, owner.Item1, owner.Item2, chmod, keyword == "ADD");
                        foreach (var source in sources)
                        {
                            if (IsHeredocSource(source, heredocs))
                            {
                                var doc = heredocs[HeredocName(source)];
                                var file = destination.EndsWith('/') ? destination + doc.Name : destination;
                                WriteFile(options, file, Encoding.UTF8.GetBytes(HeredocContent(doc, stage, run.Escape)));
                                continue;
                            }
                            var entry = resolved.First(r => r.Source == source);
                            var entryContext = ReferenceEquals(entry.Context, run.Context)
                                ? await run.ContentContextAsync(cancellationToken).ConfigureAwait(false)
                                : entry.Context;
                            // A download is copied as it is (never unpacked).
                            var entryOptions = downloads.ContainsKey(source) ? options with { ExtractArchives = false } : options;
                            foreach (var path in entry.Paths)
                                await CopySourceAsync(entryContext, path, destination, sources.Count > 1, entryOptions, cancellationToken).ConfigureAwait(false);
                        }
                    }
                    finally
                    {
                        MountExecutor.UnmountAll(target, detach: false);
                        Directory.Delete(target);
                    }
                    return await images.CommitImageAsync(new ImageCommitRequest(stage.Image, CloneExecution(stage.Config), layerKey, ConsumeSnapshot: true,
                        createdBy, null, null, []), cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    await images.RemoveContainerLayerAsync(layerKey, CancellationToken.None).ConfigureAwait(false);
                    throw;
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (mount is { } m2) await UnmountImageAsync(m2, CancellationToken.None).ConfigureAwait(false);
            foreach (var download in downloads.Values) download.Delete();
        }
    }

    private static bool IsHeredocSource(string source, Dictionary<string, Heredoc> heredocs) =>
        source.StartsWith("<<", StringComparison.Ordinal) && heredocs.ContainsKey(HeredocName(source));

    private static string HeredocName(string source) => source.TrimStart('<', '-').Trim('"', '\'');

    private static string HeredocContent(Heredoc doc, BuildStage stage, char escape) =>
        doc.Expand
            ? ShellWords.Expand(doc.Content.Replace("\"", $"{escape}\"", StringComparison.Ordinal).Replace("'", $"{escape}'", StringComparison.Ordinal), stage.Lookup, escape)
            : doc.Content;

    private sealed record CopyOptions(string Root, int Uid, int Gid, uint? Mode, bool ExtractArchives);

    private static async Task CopySourceAsync(BuildContext context, string relative, string destination, bool many, CopyOptions options, CancellationToken cancellationToken)
    {
        var full = context.Full(relative);
        var st = Libc.LstatOrNull(full)!.Value;
        if (st.FileType == Libc.S_IFDIR)
        {
            // A directory's contents are copied, not the directory itself (Dockerfile reference).
            var destinationDirectory = EnsureDirectory(options, destination);
            ApplyOwnerAndMode(destinationDirectory, options, st, isLink: false);
            foreach (var child in context.Walk(relative))
            {
                var suffix = relative.Length == 0 ? child : child[(relative.Length + 1)..];
                CopyEntry(context.Full(child), destination.TrimEnd('/') + "/" + suffix, options);
            }
            return;
        }
        if (options.ExtractArchives && st.FileType == Libc.S_IFREG && IsArchive(full))
        {
            var directory = EnsureDirectory(options, destination);
            var file = File.OpenRead(full);
            await using (file.ConfigureAwait(false))
            {
                var tar = await Decompressor.OpenAsync(file, cancellationToken).ConfigureAwait(false);
                await using (tar.ConfigureAwait(false))
                {
                    // A user's tarball, not an image layer: a .wh. name is an ordinary file, never a deletion.
                    await LayerApplier.ApplyAsync(tar, directory, TarExtractOptions.Layer with { Whiteouts = false }, cancellationToken)
                        .ConfigureAwait(false);
                }
            }
            return;
        }
        var target = destination.EndsWith('/') || many || IsDirectory(options, destination)
            ? destination.TrimEnd('/') + "/" + Path.GetFileName(relative)
            : destination;
        CopyEntry(full, target, options);
    }

    /// <summary>Copies one file, symlink or (empty) directory to <paramref name="destination"/> inside the rootfs.</summary>
    private static void CopyEntry(string source, string destination, CopyOptions options)
    {
        if (Libc.LstatOrNull(source) is not { } st) return;
        var components = RootedPath.Clean(destination);
        if (components.Count == 0) return;
        var path = RootedPath.ResolveParent(options.Root, components, create: true) + "/" + components[^1];
        var existing = Libc.LstatOrNull(path);
        switch (st.FileType)
        {
            case Libc.S_IFDIR:
                if (existing is not { FileType: Libc.S_IFDIR })
                {
                    RemovePath(path, existing);
                    Errno.ThrowIfError(Libc.Mkdir(path, 0x1ed), "mkdir", path);
                }
                ApplyOwnerAndMode(path, options, st, isLink: false);
                break;
            case Libc.S_IFREG:
                RemovePath(path, existing);
                File.Copy(source, path);
                ApplyOwnerAndMode(path, options, st, isLink: false);
                File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(source));
                break;
            case Libc.S_IFLNK:
                RemovePath(path, existing);
                File.CreateSymbolicLink(path, new FileInfo(source).LinkTarget ?? "");
                ApplyOwnerAndMode(path, options, st, isLink: true);
                break;
            default:
                break; // devices, fifos and sockets are not copied
        }
    }

    private static void WriteFile(CopyOptions options, string destination, byte[] content)
    {
        var components = RootedPath.Clean(destination);
        var path = RootedPath.ResolveParent(options.Root, components, create: true) + "/" + components[^1];
        RemovePath(path, Libc.LstatOrNull(path));
        File.WriteAllBytes(path, content);
        Errno.ThrowIfError(Libc.Lchown(path, options.Uid, options.Gid), "lchown", path);
        Errno.ThrowIfError(Libc.Chmod(path, options.Mode ?? 0x1a4), "chmod", path);
    }

    private static void ApplyOwnerAndMode(string path, CopyOptions options, Libc.FileStatus st, bool isLink)
    {
        Errno.ThrowIfError(Libc.Lchown(path, options.Uid, options.Gid), "lchown", path);
        if (!isLink) Errno.ThrowIfError(Libc.Chmod(path, options.Mode ?? (uint)(st.Mode & 0xfff)), "chmod", path);
    }

    private static void RemovePath(string path, Libc.FileStatus? existing)
    {
        if (existing is null) return;
        if (existing.Value.FileType == Libc.S_IFDIR) Directory.Delete(path, recursive: true);
        else File.Delete(path);
    }

    /// <summary>The directory <paramref name="destination"/> inside the rootfs, created (0755) when missing.</summary>
    private static string EnsureDirectory(CopyOptions options, string destination)
    {
        var components = RootedPath.Clean(destination);
        if (components.Count == 0) return options.Root;
        components.Add(".");
        return RootedPath.ResolveParent(options.Root, components, create: true)!;
    }

    private static bool IsDirectory(CopyOptions options, string destination)
    {
        var components = RootedPath.Clean(destination);
        if (components.Count == 0) return true;
        components.Add(".");
        try
        {
            return RootedPath.ResolveParent(options.Root, components, create: false) is not null;
        }
        catch (BerthException)
        {
            return false;
        }
    }

    /// <summary>Whether a file starts like a tar archive (plain, gzip, bzip2, xz or zstd): ADD extracts those.</summary>
    private static bool IsArchive(string path)
    {
        Span<byte> head = stackalloc byte[512];
        using var file = File.OpenRead(path);
        var n = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..n];
        if (Decompressor.Detect(head) != Compression.None) return true;
        return n >= 262 && head[257..262].SequenceEqual("ustar"u8);
    }

    private static uint ParseMode(string text)
    {
        try
        {
            return Convert.ToUInt32(text, 8) & 0xfff;
        }
        catch (FormatException)
        {
            throw BerthException.Invalid($"invalid chmod parameter: {text}");
        }
    }

    /// <summary>
    /// <c>--chown=user[:group]</c>: numbers, or names looked up in the image's /etc/passwd and /etc/group. A bare
    /// uid owns with the same gid; a bare user name with its primary group.
    /// </summary>
    private static (int, int) ResolveOwner(string root, string spec)
    {
        var parts = spec.Split(':', 2);
        int uid, gid;
        if (TryParseId(parts[0], out uid)) gid = uid;
        else if (ContainerUser.FindUser(root, parts[0]) is { } user) (uid, gid) = ((int)user.Uid, (int)user.Gid);
        else throw NoSuchOwner(parts[0]);
        if (parts.Length == 2 && !TryParseId(parts[1], out gid))
            gid = ContainerUser.FindGroup(root, parts[1]) is { } group ? (int)group : throw NoSuchOwner(parts[1]);
        return (uid, gid);
    }

    private static bool TryParseId(string text, out int id) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out id);

    private static BerthException NoSuchOwner(string name) =>
        BerthException.Invalid($"unable to convert uid/gid chown string to host mapping: can't find uid for user {name}: no such user: {name}");

    private string MountPoint()
    {
        var target = Path.Combine(paths.DataRoot, "builder", "mnt", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(target);
        return target;
    }

    /// <summary>The rootfs of an image mounted read-write on a throw-away snapshot (for <c>COPY --from</c>).</summary>
    private async Task<(string Key, string Path)?> MountImageAsync(ImageRecord image, CancellationToken cancellationToken)
    {
        var (key, _) = await images.PrepareBuildLayerAsync(image, cancellationToken).ConfigureAwait(false);
        var target = MountPoint();
        try
        {
            MountExecutor.MountAll(images.ContainerLayerMounts(key), target);
        }
        catch
        {
            Directory.Delete(target);
            await images.RemoveContainerLayerAsync(key, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        return (key, target);
    }

    private async Task UnmountImageAsync((string Key, string Path) mount, CancellationToken cancellationToken)
    {
        MountExecutor.UnmountAll(mount.Path, detach: false);
        Directory.Delete(mount.Path);
        await images.RemoveContainerLayerAsync(mount.Key, cancellationToken).ConfigureAwait(false);
    }
}
