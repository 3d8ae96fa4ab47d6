using System.Text.RegularExpressions;
using Berth.Testing;

namespace Berth.Core.Tests.Architecture;

/// <summary>
/// The dependency rules of docs/ARCHITECTURE.md, checked on the project files: dependencies point inward, the
/// CLI never sees the engine, the shim needs only the runtime library, the engine never sees the daemon.
/// </summary>
public partial class ProjectDependencyTests
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Berth.Core"] = [],
        ["Berth.Api"] = [],
        ["Berth.Client"] = ["Berth.Api"],
        ["Berth.Cli"] = ["Berth.Api", "Berth.Client", "Berth.Core"], // Core: cp's contained tar extraction and tar writing only
        ["Berth.Runtime"] = ["Berth.Core"],
        ["Berth.Shim"] = ["Berth.Runtime"],
        ["Berth.Engine"] = ["Berth.Core", "Berth.Runtime", "Berth.Api"], // Api: the container input spec only (ADR 0001)
        ["Berth.Daemon"] = ["Berth.Core", "Berth.Api", "Berth.Engine"],
        ["Berth.Registry"] = ["Berth.Core"],
        ["Berth.Registry.Server"] = ["Berth.Core", "Berth.Registry"],
    };

    [Fact]
    public void EveryProjectReferencesOnlyWhatTheArchitectureAllows()
    {
        var root = BuiltBinaries.RepositoryRoot ?? throw new InvalidOperationException("repository root not found");
        var projects = Directory.GetFiles(Path.Combine(root, "src"), "*.csproj", SearchOption.AllDirectories);
        Assert.NotEmpty(projects);
        foreach (var project in projects)
        {
            var name = Path.GetFileNameWithoutExtension(project);
            Assert.True(Allowed.ContainsKey(name), $"{name} is a new project: add its dependency rule to docs/ARCHITECTURE.md and this test");
            var references = ProjectReference().Matches(File.ReadAllText(project)).Select(m => m.Groups[1].Value);
            foreach (var reference in references)
                Assert.True(Allowed[name].Contains(reference), $"{name} must not reference {reference}");
        }
    }

    [GeneratedRegex(@"<ProjectReference\s+Include=""[^""]*?([A-Za-z.]+)\.csproj""")]
    private static partial Regex ProjectReference();
}
