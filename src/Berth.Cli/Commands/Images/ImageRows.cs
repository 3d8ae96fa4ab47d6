using System.Text.Json.Nodes;
using Berth.Api;
using Berth.Cli.Output;

namespace Berth.Cli.Commands.Images;

/// <summary>Display rows for <c>images</c>: one per tag (or digest), with docker's column values.</summary>
public static class ImageRows
{
    public const string DefaultFormat = "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}";
    public const string DigestsFormat = "table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}";

    public static IReadOnlyDictionary<string, string> Headers { get; } = new Dictionary<string, string>
    {
        ["ID"] = "IMAGE ID",
        ["Repository"] = "REPOSITORY",
        ["Tag"] = "TAG",
        ["Digest"] = "DIGEST",
        ["CreatedSince"] = "CREATED",
        ["CreatedAt"] = "CREATED AT",
        ["Size"] = "SIZE",
        ["Containers"] = "CONTAINERS",
        ["SharedSize"] = "SHARED SIZE",
        ["UniqueSize"] = "UNIQUE SIZE",
        ["VirtualSize"] = "VIRTUAL SIZE",
    };

    public static IEnumerable<JsonObject> Build(IEnumerable<ImageSummary> images, bool truncate, DateTimeOffset now)
    {
        foreach (var image in images)
        {
            foreach (var (repository, tag, digest) in Names(image))
            {
                yield return new JsonObject
                {
                    ["ID"] = truncate ? HumanUnits.ShortId(image.Id ?? "") : image.Id,
                    ["Repository"] = repository,
                    ["Tag"] = tag,
                    ["Digest"] = digest,
                    ["CreatedSince"] = HumanUnits.Ago(image.Created, now),
                    ["CreatedAt"] = DateTimeOffset.FromUnixTimeSeconds(image.Created).ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture),
                    ["Size"] = HumanUnits.Size(image.Size, 3),
                    ["Containers"] = image.Containers < 0 ? "N/A" : image.Containers.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["SharedSize"] = image.SharedSize < 0 ? "N/A" : HumanUnits.Size(image.SharedSize, 3),
                    ["UniqueSize"] = image.SharedSize < 0 ? "N/A" : HumanUnits.Size(image.Size - image.SharedSize, 3),
                    ["VirtualSize"] = HumanUnits.Size(image.Size, 3),
                    ["Labels"] = string.Join(',', (image.Labels ?? []).Select(l => $"{l.Key}={l.Value}")),
                };
            }
        }
    }

    /// <summary>(repository, tag, digest) per row, with docker's &lt;none&gt; placeholders.</summary>
    public static IEnumerable<(string Repository, string Tag, string Digest)> Names(ImageSummary image)
    {
        var tags = (image.RepoTags ?? []).Where(t => t != "<none>:<none>").ToList();
        var digests = (image.RepoDigests ?? []).Where(d => d != "<none>@<none>").ToList();
        if (tags.Count > 0)
        {
            foreach (var repoTag in tags)
            {
                var (repository, tag) = SplitTag(repoTag);
                var digest = digests.FirstOrDefault(d => d.StartsWith(repository + "@", StringComparison.Ordinal));
                yield return (repository, tag, digest is null ? "<none>" : digest[(digest.IndexOf('@', StringComparison.Ordinal) + 1)..]);
            }
            yield break;
        }

        if (digests.Count > 0)
        {
            foreach (var repoDigest in digests)
            {
                var at = repoDigest.IndexOf('@', StringComparison.Ordinal);
                yield return (repoDigest[..at], "<none>", repoDigest[(at + 1)..]);
            }
            yield break;
        }

        yield return ("<none>", "<none>", "<none>");
    }

    /// <summary>Splits <c>host:5000/repo:tag</c> at the tag colon (the last colon after the last slash).</summary>
    /// <summary>An optional <c>REPOSITORY[:TAG]</c> argument as the API's repo/tag query values (both null when absent; no tag when none given).</summary>
    public static (string? Repository, string? Tag) OptionalRepositoryAndTag(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return (null, null);
        var (repository, tag) = SplitTag(reference);
        return (repository, tag == "<none>" ? null : tag);
    }

    public static (string Repository, string Tag) SplitTag(string reference)
    {
        var slash = reference.LastIndexOf('/');
        var colon = reference.LastIndexOf(':');
        return colon > slash ? (reference[..colon], reference[(colon + 1)..]) : (reference, "<none>");
    }
}
