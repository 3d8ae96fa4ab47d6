using Berth.Core;
using Berth.Engine.Build.Dockerfile;

namespace Berth.Engine.Tests.Build.Dockerfile;

public sealed class ShellWordsTests
{
    private static readonly Dictionary<string, string> Variables = new()
    {
        ["A"] = "alpha",
        ["EMPTY"] = "",
        ["SP"] = "a b",
    };

    private static string? Lookup(string name) => Variables.GetValueOrDefault(name);

    [Theory]
    [InlineData("$A", "alpha")]
    [InlineData("${A}", "alpha")]
    [InlineData("x${A}y", "xalphay")]
    [InlineData("$A/b", "alpha/b")]
    [InlineData("$NOPE", "")]
    [InlineData("${NOPE:-dflt}", "dflt")]
    [InlineData("${EMPTY:-dflt}", "dflt")]
    [InlineData("${EMPTY-dflt}", "")]
    [InlineData("${NOPE-dflt}", "dflt")]
    [InlineData("${A:+set}", "set")]
    [InlineData("${EMPTY:+set}", "")]
    [InlineData("${EMPTY+set}", "set")]
    [InlineData("${NOPE:-$A}", "alpha")]
    [InlineData("'$A'", "$A")]
    [InlineData("\"$A\"", "alpha")]
    [InlineData("\\$A", "$A")]
    [InlineData("\"\\$A\"", "$A")]
    [InlineData("a\\ b", "a b")]
    [InlineData("$", "$")]
    [InlineData("100$", "100$")]
    [InlineData("\"a b\"", "a b")]
    public void ExpandsOneWord(string text, string expected) =>
        Assert.Equal(expected, ShellWords.Expand(text, Lookup));

    [Fact]
    public void BacktickEscape() => Assert.Equal("$A", ShellWords.Expand("`$A", Lookup, '`'));

    [Fact]
    public void SplitsWordsOnUnquotedBlanks() =>
        Assert.Equal(["alpha", "x y", "a b", "z"], ShellWords.ExpandWords("$A \"x y\"  $SP z", Lookup));

    [Theory]
    [InlineData("${NOPE:?must be set}", "NOPE: must be set")]
    [InlineData("${A", "missing '}' in \"${A\"")]
    [InlineData("'open", "unexpected end of statement while looking for matching single-quote in \"'open\"")]
    public void Errors(string text, string message) =>
        Assert.Equal(message, Assert.Throws<BerthException>(() => ShellWords.Expand(text, Lookup)).Message);

    [Fact]
    public void KeyValues()
    {
        var pairs = KeyValueArguments.Parse("ENV", "A=1 B=\"two words\" C=${A}x", Lookup, '\\');
        Assert.Equal([("A", "1"), ("B", "two words"), ("C", "alphax")], pairs.Select(p => (p.Key, p.Value!)));
        var legacy = KeyValueArguments.Parse("ENV", "NAME  some value", Lookup, '\\');
        Assert.Equal(("NAME", "some value"), (legacy[0].Key, legacy[0].Value!));
        var args = KeyValueArguments.Parse("ARG", "V X=1", Lookup, '\\', allowBare: true);
        Assert.Null(args[0].Value);
    }
}
