using System.Text.Json;
using Berth.Api;

namespace Berth.Client.Tests;

/// <summary>ExecWire's hand-written JSON means what the generated BerthApiJsonContext writes and reads.</summary>
public sealed class ExecWireTests
{
    [Fact]
    public void ExecConfigReadsBackThroughTheGeneratedContextUnchanged()
    {
        var config = new ExecConfig
        {
            AttachStdin = true, AttachStdout = true, AttachStderr = false, ConsoleSize = [24, 80], DetachKeys = "ctrl-x",
            Tty = true, Env = ["A=1", "B=\"q\""], Cmd = ["sh", "-c", "echo ü"], Privileged = true, User = "1:2", WorkingDir = "/w",
        };
        AssertSameJson(JsonSerializer.SerializeToUtf8Bytes(config, BerthApiJsonContext.Default.ExecConfig), ExecWire.Write(config), BerthApiJsonContext.Default.ExecConfig);
        var bare = new ExecConfig { Cmd = ["true"] };
        AssertSameJson(JsonSerializer.SerializeToUtf8Bytes(bare, BerthApiJsonContext.Default.ExecConfig), ExecWire.Write(bare), BerthApiJsonContext.Default.ExecConfig);
    }

    [Fact]
    public void ExecStartConfigReadsBackThroughTheGeneratedContextUnchanged()
    {
        var start = new ExecStartConfig { Detach = false, Tty = true, ConsoleSize = [10, 20] };
        AssertSameJson(JsonSerializer.SerializeToUtf8Bytes(start, BerthApiJsonContext.Default.ExecStartConfig), ExecWire.Write(start), BerthApiJsonContext.Default.ExecStartConfig);
    }

    [Fact]
    public void InspectIsReadAsTheGeneratedContextReadsIt()
    {
        var inspect = new ExecInspectResponse
        {
            CanRemove = false, DetachKeys = "", Id = "abc", Running = false, ExitCode = 3, OpenStdin = true, OpenStderr = true,
            OpenStdout = true, ContainerId = "c1", Pid = 42,
            ProcessConfig = new ProcessConfig { Privileged = true, User = "u", Tty = false, Entrypoint = "sh", Arguments = ["-c", "x"] },
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(inspect, BerthApiJsonContext.Default.ExecInspectResponse);
        var read = ExecWire.ReadInspect(json);
        Assert.Equal(json, JsonSerializer.SerializeToUtf8Bytes(read, BerthApiJsonContext.Default.ExecInspectResponse));
    }

    [Fact]
    public void InspectSkipsUnknownPropertiesMatchesNamesCaseInsensitivelyAndKeepsANullExitCode()
    {
        var read = ExecWire.ReadInspect("""{"id":"x","Extra":{"a":[1,{"b":2}]},"ExitCode":null,"running":true,"ProcessConfig":null}"""u8);
        Assert.Equal("x", read.Id);
        Assert.True(read.Running);
        Assert.Null(read.ExitCode);
        Assert.Null(read.ProcessConfig);
    }

    [Fact]
    public void IdIsReadFromACreateAnswer()
    {
        Assert.Equal("e1", ExecWire.ReadId("""{"Warnings":[],"Id":"e1"}"""u8));
        Assert.Null(ExecWire.ReadId("{}"u8));
        Assert.Throws<JsonException>(() => ExecWire.ReadId("[1]"u8));
    }

    private static void AssertSameJson<T>(byte[] expected, byte[] actual, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) where T : class
    {
        // Same meaning: both read back through the generated context and re-serialized byte for byte.
        var fromWire = JsonSerializer.Deserialize(actual, typeInfo)!;
        Assert.Equal(expected, JsonSerializer.SerializeToUtf8Bytes(fromWire, typeInfo));
    }
}
