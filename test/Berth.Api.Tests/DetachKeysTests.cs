using Berth.Api;

namespace Berth.Api.Tests;

public sealed class DetachKeysTests
{
    [Theory]
    [InlineData("ctrl-p,ctrl-q", new byte[] { 16, 17 })]
    [InlineData("a", new byte[] { 97 })]
    [InlineData("ctrl-@,ctrl-a,ctrl-z", new byte[] { 0, 1, 26 })]
    [InlineData("ctrl-[,ctrl-\\,ctrl-],ctrl-^,ctrl-_", new byte[] { 27, 28, 29, 30, 31 })]
    [InlineData("DEL,x", new byte[] { 127, 120 })]
    public void Parses_docker_syntax(string spec, byte[] expected) => Assert.Equal(expected, DetachKeys.Parse(spec));

    [Theory]
    [InlineData("ctrl-A", "ctrl-A")]
    [InlineData("shift-a", "shift-a")]
    [InlineData("a,bb", "bb")]
    [InlineData("", "")]
    public void Rejects_unknown_items_naming_them(string spec, string item)
    {
        var e = Assert.Throws<FormatException>(() => DetachKeys.Parse(spec));
        Assert.Equal($"Unknown character: '{item}'", e.Message);
    }

    [Fact]
    public void Matcher_detaches_on_the_sequence_and_drops_its_bytes()
    {
        var matcher = new DetachKeyMatcher(DetachKeys.Default);
        var output = new List<byte>();
        Assert.False(matcher.Feed("ab"u8, output));
        Assert.False(matcher.Feed([16], output)); // held back
        Assert.Equal("ab"u8.ToArray(), output);
        Assert.True(matcher.Feed([17, (byte)'z'], output));
        Assert.Equal("ab"u8.ToArray(), output);
    }

    [Fact]
    public void Matcher_passes_a_partial_match_on_with_the_next_byte()
    {
        var matcher = new DetachKeyMatcher(DetachKeys.Default);
        var output = new List<byte>();
        Assert.False(matcher.Feed([16], output));
        Assert.Empty(output);
        Assert.False(matcher.Feed("x"u8, output));
        Assert.Equal(new byte[] { 16, (byte)'x' }, output);
        output.Clear();
        Assert.False(matcher.Feed([16, 16], output)); // the second ctrl-p may still start the sequence
        Assert.Equal(new byte[] { 16 }, output);
        Assert.True(matcher.Feed([17], output));
    }

    [Fact]
    public void Single_key_and_no_keys()
    {
        var output = new List<byte>();
        Assert.True(new DetachKeyMatcher([(byte)'q']).Feed("abq"u8, output));
        Assert.Equal("ab"u8.ToArray(), output);
        output.Clear();
        Assert.False(new DetachKeyMatcher([]).Feed([16, 17], output));
        Assert.Equal(new byte[] { 16, 17 }, output);
    }
}
