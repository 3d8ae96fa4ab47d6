using System.Text.Json;
using Berth.Runtime.Runc;
using Berth.Runtime.Shim;

namespace Berth.Runtime.Tests.Shim;

public sealed class ShimProtocolTests
{
    [Fact]
    public void Arguments_round_trip()
    {
        var args = new ShimArguments("id1", "/b", "/s", "/l.log", "/usr/bin/runc", "/run/berth/runc", 1024, 3, OpenStdin: true, Tty: false);
        Assert.Equal(args, ShimArguments.Parse(args.ToArgs()));
    }

    [Theory]
    [InlineData("--id")]
    [InlineData("--bogus")]
    public void Bad_arguments_are_rejected(string arg)
    {
        Assert.Throws<FormatException>(() => ShimArguments.Parse([arg]));
    }

    [Fact]
    public void Wire_names_are_pinned()
    {
        Assert.Equal("{\"op\":\"kill\",\"signal\":15,\"all\":true}",
            JsonSerializer.Serialize(new ShimRequest { Op = "kill", Signal = 15, All = true }, ShimJsonContext.Default.ShimRequest));
        Assert.Equal("{\"ok\":true,\"pid\":42}",
            JsonSerializer.Serialize(new ShimReadiness { Ok = true, Pid = 42 }, ShimJsonContext.Default.ShimReadiness));
        var exit = JsonSerializer.Deserialize("{\"exitCode\":137,\"oomKilled\":true,\"exitedAt\":\"2026-11-24T12:00:00Z\"}", ShimJsonContext.Default.ShimExitStatus)!;
        Assert.Equal((137, true), (exit.ExitCode, exit.OomKilled));
    }

    [Fact]
    public void Streaming_request_fields_reach_the_shim()
    {
        var sent = new ShimRequest { Op = ShimRequest.Exec, Stdin = true, Tty = true, ExecId = "e1", Process = "/run/p.json", Height = 40, Width = 120 };
        var read = ShimWire.ReadRequest(JsonSerializer.SerializeToUtf8Bytes(sent, ShimJsonContext.Default.ShimRequest))!;
        Assert.Equal((sent.Op, true, true, "e1", "/run/p.json", 40, 120), (read.Op, read.Stdin, read.Tty, read.ExecId, read.Process, read.Height, read.Width));
        Assert.True(ShimRequest.IsStreaming(ShimRequest.Attach));
        Assert.False(ShimRequest.IsStreaming(ShimRequest.Resize));
    }

    [Fact]
    public void Frame_header_is_docker_multiplexed_layout()
    {
        Span<byte> header = stackalloc byte[ShimFrame.HeaderSize];
        ShimFrame.WriteHeader(header, ShimFrame.Stderr, 258);
        Assert.Equal(new byte[] { 2, 0, 0, 0, 0, 0, 1, 2 }, header.ToArray());
        Assert.True(ShimFrame.TryReadHeader(header, out var kind, out var length));
        Assert.Equal((ShimFrame.Stderr, 258), (kind, length));
    }

    [Fact]
    public void Shim_side_writer_matches_the_daemon_side_context_byte_for_byte()
    {
        var exit = new ShimExitStatus { ExitCode = 137, OomKilled = true, ExitedAt = new DateTimeOffset(2026, 11, 24, 12, 0, 0, 123, TimeSpan.Zero) };
        var responses = new[]
        {
            new ShimResponse { Ok = true, Pid = 7, Running = true },
            new ShimResponse { Ok = false, Error = "bad \"op\" é", Pid = 0 },
            new ShimResponse { Ok = true, Pid = 7, Exit = exit },
        };
        foreach (var r in responses)
            Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(r, ShimJsonContext.Default.ShimResponse), ShimWire.Write(r));
        var readiness = new ShimReadiness { Ok = false, Error = "exec: \"x\": executable file not found in $PATH", Kind = "InvalidArgument" };
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(readiness, ShimJsonContext.Default.ShimReadiness), ShimWire.Write(readiness));
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(exit, ShimJsonContext.Default.ShimExitStatus), ShimWire.Write(exit));

        var request = ShimWire.ReadRequest(JsonSerializer.SerializeToUtf8Bytes(new ShimRequest { Op = "kill", Signal = 9, All = true }, ShimJsonContext.Default.ShimRequest))!;
        Assert.Equal(("kill", 9, true), (request.Op, request.Signal, request.All));
        Assert.Null(ShimWire.ReadRequest("not json"u8));
        Assert.Equal("resize", ShimWire.ReadRequest("{\"op\":\"resize\",\"height\":3}"u8)!.Op);
    }

    [Fact]
    public void Runc_error_log_yields_the_last_error_message()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "{\"level\":\"warning\",\"msg\":\"w\"}\n{\"level\":\"error\",\"msg\":\"first\"}\ngarbage\n{\"level\":\"error\",\"msg\":\"exec: \\\"nosuch\\\": executable file not found in $PATH\",\"time\":\"2026-11-24T12:26:20Z\"}\n");
            Assert.Equal("exec: \"nosuch\": executable file not found in $PATH", RuncErrorLog.LastError(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Runc_command_lines_put_global_options_first()
    {
        var runc = new RuncCommandLine("runc", "/run/berth/runc");
        Assert.Equal(["--root", "/run/berth/runc", "--log", "/s/runc.log", "--log-format", "json", "create", "--bundle", "/b", "--pid-file", "/s/init.pid", "c1"],
            runc.Create("c1", "/b", "/s/init.pid", null, "/s/runc.log"));
        Assert.Equal(["--root", "/run/berth/runc", "kill", "--all", "c1", "9"], runc.Kill("c1", 9, all: true));
        Assert.Equal(["--root", "/run/berth/runc", "delete", "--force", "c1"], runc.Delete("c1", force: true));
        Assert.Equal(["--root", "/run/berth/runc", "update", "--resources", "-", "c1"], runc.Update("c1"));
    }

    [Fact]
    public void Runc_errors_about_the_command_are_invalid_argument()
    {
        Assert.Equal(Core.ErrorKind.InvalidArgument, RuncErrors.KindOf("runc create failed: unable to start container process: exec: \"nosuch\": executable file not found in $PATH"));
        Assert.Equal(Core.ErrorKind.Internal, RuncErrors.KindOf("runc create failed: cgroup setup failed"));
    }
}
