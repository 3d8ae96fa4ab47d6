using Berth.Core;
using Berth.Engine.Build.Dockerfile;

namespace Berth.Engine.Tests.Build.Dockerfile;

public sealed class DockerfileParserTests
{
    /// <summary>Dockerfile text → "KEYWORD|flags|arguments|exec-form|line" per instruction.</summary>
    public static TheoryData<string, string[]> Cases => new()
    {
        { "FROM busybox\nRUN echo hi", ["FROM||busybox||1", "RUN||echo hi||2"] },
        { "from busybox AS build", ["FROM||busybox AS build||1"] },
        { "# comment\n\nFROM busybox\n  # indented comment\nCMD [\"sh\", \"-c\", \"echo\"]", ["FROM||busybox||3", "CMD||[\"sh\", \"-c\", \"echo\"]|sh,-c,echo|5"] },
        { "RUN echo a \\\n  && echo b", ["RUN||echo a   && echo b||1"] },
        { "RUN echo a \\\n# comment inside\n\n  b", ["RUN||echo a   b||1"] },
        { "# escape=`\nRUN dir c:\\ `\n  x", ["RUN||dir c:\\   x||2"] },
        { "# syntax=docker/dockerfile:1\nFROM x", ["FROM||x||2"] },
        { "COPY --from=build --chown=1:2 /a /b", ["COPY|--from=build,--chown=1:2|/a /b||1"] },
        { "ENTRYPOINT [\"a\" \"b\"]", ["ENTRYPOINT||[\"a\" \"b\"]||1"] },
        { "RUN [\"echo\",\"x\"]", ["RUN||[\"echo\",\"x\"]|echo,x|1"] },
        { "CMD", ["CMD||||1"] },
        { "FROM x\n\n\nRUN a\\\n", ["FROM||x||1", "RUN||a||4"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ParsesInstructions(string text, string[] expected)
    {
        var parsed = DockerfileParser.Parse(text);
        var actual = parsed.Instructions.Select(i =>
            $"{i.Keyword}|{string.Join(',', i.Flags)}|{i.Arguments}|{(i.ExecForm is null ? "" : string.Join(',', i.ExecForm))}|{i.Line}").ToArray();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void DirectivesAreReadOnlyAtTheTop()
    {
        var parsed = DockerfileParser.Parse("# syntax = docker/dockerfile:1\n# escape=`\nFROM x\n# escape=\\\n");
        Assert.Equal("docker/dockerfile:1", parsed.Directives["syntax"]);
        Assert.Equal('`', parsed.EscapeToken);
        var late = DockerfileParser.Parse("FROM x\n# escape=`\nRUN a \\\n b");
        Assert.Equal('\\', late.EscapeToken);
        Assert.Equal("a  b", late.Instructions[1].Arguments);
    }

    [Theory]
    [InlineData("FROM x\nRUN a\nFOO bar", "Dockerfile parse error line 3: unknown instruction: FOO")]
    [InlineData("froM x\nrunn a", "Dockerfile parse error line 2: unknown instruction: RUNN")]
    [InlineData("FROM", "Dockerfile parse error line 1: FROM requires at least one argument")]
    [InlineData("# escape=x\nFROM a", "Dockerfile parse error line 1: invalid ESCAPE 'x'. Must be ` or \\")]
    [InlineData("FROM a\nRUN <<EOF\necho", "Dockerfile parse error line 2: unterminated heredoc EOF")]
    public void ErrorsNameTheLine(string text, string message)
    {
        var e = Assert.Throws<BerthException>(() => DockerfileParser.Parse(text));
        Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Heredocs()
    {
        var parsed = DockerfileParser.Parse("FROM x\nRUN <<EOF\necho $A\necho b\nEOF\nCOPY <<-\"one\" <<two /dst/\n\tfirst\n\tone\nsecond\ntwo\nCMD x");
        Assert.Equal(["FROM", "RUN", "COPY", "CMD"], parsed.Instructions.Select(i => i.Keyword));
        var run = parsed.Instructions[1].Heredocs.Single();
        Assert.Equal(new Heredoc("EOF", "echo $A\necho b\n", Expand: true, StripTabs: false), run);
        var copy = parsed.Instructions[2].Heredocs;
        Assert.Equal(new Heredoc("one", "first\n", Expand: false, StripTabs: true), copy[0]);
        Assert.Equal(new Heredoc("two", "second\n", Expand: true, StripTabs: false), copy[1]);
        Assert.Equal(11, parsed.Instructions[3].Line);
    }

    [Fact]
    public void FlagLookup()
    {
        var copy = DockerfileParser.Parse("COPY --chmod=755 --from=a --from=b x y").Instructions[0];
        Assert.Equal("b", copy.Flag("from"));
        Assert.Equal("755", copy.Flag("chmod"));
        Assert.Null(copy.Flag("chown"));
    }
}
