namespace Berth.Cli.Tests.Commands;

/// <summary>The CLI builds only the command it runs; each top-level name must build exactly that command.</summary>
public sealed class CommandTreeTests
{
    [Fact]
    public void EveryTopLevelCommandIsBuiltAloneWhenItIsTheOneRun()
    {
        var context = CliTestContext.Create();
        var all = BerthCommandLine.Build(context).Subcommands.Select(c => c.Name).ToList();
        Assert.Contains("exec", all);
        Assert.Contains("container", all);

        foreach (var name in all)
        {
            var only = BerthCommandLine.Build(context, ["-H", "unix:///x.sock", name, "--some-flag"]);
            Assert.Equal(name, Assert.Single(only.Subcommands).Name);
        }
    }

    [Theory]
    [InlineData(new string[0], null)]
    [InlineData(new[] { "--help" }, null)]
    [InlineData(new[] { "-H", "unix:///x.sock", "ps", "-a" }, "ps")]
    [InlineData(new[] { "--host", "tcp://h:1", "exec", "c", "true" }, "exec")]
    [InlineData(new[] { "--host=tcp://h:1", "image", "ls" }, "image")]
    [InlineData(new[] { "--", "ps" }, null)]
    public void TheCommandNameIsTheFirstArgumentThatIsNotAnOption(string[] args, string? expected) =>
        Assert.Equal(expected, BerthCommandLine.CommandName(args));

    [Fact]
    public void AnUnknownCommandBuildsEverythingSoHelpAndSuggestionsWork()
    {
        var context = CliTestContext.Create();
        Assert.Equal(BerthCommandLine.Build(context).Subcommands.Count, BerthCommandLine.Build(context, ["nosuch"]).Subcommands.Count);
    }
}
