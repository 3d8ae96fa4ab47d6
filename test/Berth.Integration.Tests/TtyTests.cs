using Berth.Testing;

namespace Berth.Integration.Tests;

/// <summary>Interactive containers on a real pseudo-terminal: `run -it`, detach keys, `attach`, resize; berth and the docker CLI.</summary>
[Collection(EngineCollection.Name)]
public sealed class TtyTests(EngineFixture engine)
{
    private const string Prompt = "/ # ";
    private static readonly byte[] CtrlP = [16];
    private static readonly byte[] CtrlQ = [17];

    [Theory]
    [InlineData("berth")]
    [InlineData("docker")]
    public async Task RunItDetachAttachAndExit(string cli)
    {
        var name = $"tty-{cli}";
        await using (var run = Pty(cli, ["run", "-it", "--name", name, "busybox", "sh"], rows: 30, columns: 100))
        {
            await run.WaitForAsync(Prompt);
            run.Send("echo typed-$((1+2))\r");
            await run.WaitForAsync("typed-3");
            var mark = run.Mark();
            run.Send("stty size\r");
            await run.WaitForAsync("30 100", since: mark); // HostConfig.ConsoleSize, then the CLI's resize
            await DetachAsync(run);
            Assert.Equal(0, await run.WaitForExitAsync());
        }
        Assert.Equal("true", await InspectAsync(name, "{{.State.Running}}"));

        await using (var attach = Pty(cli, ["attach", name]))
        {
            await attach.WaitForAsync(Prompt); // the +1 resize makes the shell redraw its prompt
            attach.Send("echo back-$((4+4))\r");
            await attach.WaitForAsync("back-8");
            attach.Send("exit 5\r");
            Assert.Equal(5, await attach.WaitForExitAsync());
        }
        Assert.Equal("false 5", await InspectAsync(name, "{{.State.Running}} {{.State.ExitCode}}"));
        (await engine.Berth("rm", name)).EnsureSuccess();
    }

    [Theory]
    [InlineData("berth")]
    [InlineData("docker")]
    public async Task AttachDetachPrintsReadEscapeSequenceAndExitsOne(string cli)
    {
        var name = $"tty-attach-detach-{cli}";
        (await engine.Berth("run", "-dit", "--name", name, "busybox", "sh")).EnsureSuccess();
        await using (var attach = Pty(cli, ["attach", name]))
        {
            await attach.WaitForAsync(Prompt);
            await DetachAsync(attach);
            Assert.Equal(1, await attach.WaitForExitAsync());
            Assert.Contains("read escape sequence", attach.Output);
        }
        Assert.Equal("true", await InspectAsync(name, "{{.State.Running}}"));
        (await engine.Berth("rm", "-f", name)).EnsureSuccess();
    }

    [Theory]
    [InlineData("berth")]
    [InlineData("docker")]
    public async Task CustomDetachKeys(string cli)
    {
        var name = $"tty-keys-{cli}";
        await using (var run = Pty(cli, ["run", "-it", "--detach-keys", "ctrl-x,x", "--name", name, "busybox", "sh"]))
        {
            await run.WaitForAsync(Prompt);
            await DetachAsync(run); // the default keys are just input now
            var mark = run.Mark();
            run.Send("echo still-$((1+1))\r");
            await run.WaitForAsync("still-2", since: mark);
            run.Send([24]);
            await run.WaitForInputReadAsync();
            run.Send("x");
            Assert.Equal(0, await run.WaitForExitAsync());
        }
        Assert.Equal("true", await InspectAsync(name, "{{.State.Running}}"));
        (await engine.Berth("rm", "-f", name)).EnsureSuccess();
    }

    [Theory]
    [InlineData("berth")]
    [InlineData("docker")]
    public async Task TerminalResizeFollowsTheWindow(string cli)
    {
        await using var run = Pty(cli, ["run", "-it", "--rm", "busybox", "sh"], rows: 20, columns: 70);
        await run.WaitForAsync(Prompt);
        var mark = run.Mark();
        run.Send("stty size\r");
        await run.WaitForAsync("20 70", since: mark);
        run.Resize(33, 91); // SIGWINCH to the CLI, which resizes the container's TTY
        await Poll.UntilAsync(async () =>
        {
            var before = run.Mark();
            run.Send("stty size\r");
            try
            {
                await run.WaitForAsync(Prompt, TimeSpan.FromSeconds(5), since: before + 1);
            }
            catch (TimeoutException)
            {
                return false;
            }
            return run.Output.IndexOf("33 91", before, StringComparison.Ordinal) >= 0;
        }, TimeSpan.FromSeconds(20), "stty size to show 33 91");
        run.Send("exit\r");
        Assert.Equal(0, await run.WaitForExitAsync());
    }

    [Theory]
    [InlineData("berth")]
    [InlineData("docker")]
    public async Task StartAttachInteractive(string cli)
    {
        var name = $"tty-start-{cli}";
        (await engine.Berth("create", "-it", "--name", name, "busybox", "sh")).EnsureSuccess();
        await using (var start = Pty(cli, ["start", "-ai", name]))
        {
            await start.WaitForAsync(Prompt); // the first prompt is not lost: the shim waits for this attach
            start.Send("echo started-$((5+5))\r");
            await start.WaitForAsync("started-10");
            await DetachAsync(start);
            Assert.Equal(0, await start.WaitForExitAsync());
        }
        Assert.Equal("true", await InspectAsync(name, "{{.State.Running}}"));
        (await engine.Berth("rm", "-f", name)).EnsureSuccess();
    }

    [Theory]
    [InlineData("berth")]
    [InlineData("docker")]
    public async Task RunInteractiveWithoutTtyReadsTheTerminalUntilCtrlD(string cli)
    {
        await using var run = Pty(cli, ["run", "-i", "--rm", "busybox", "sh", "-c", "while read l; do echo \"got:$l\"; done; echo done"]);
        run.Send("first\n");
        await run.WaitForAsync("got:first");
        run.Send([4]); // the terminal's own line discipline turns ctrl-d into end of file
        await run.WaitForAsync("done");
        Assert.Equal(0, await run.WaitForExitAsync());
        Assert.DoesNotContain("\u001b[?1h", run.Output); // the terminal's keypad mode is left alone
    }

    [Fact]
    public async Task RunItNeedsATerminal()
    {
        var result = await engine.Berth("run", "-it", "--rm", "busybox", "true");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the input device is not a TTY", result.Stderr);
    }

    [Fact]
    public async Task AttachWorksAfterADaemonRestart()
    {
        await using var daemon = await DaemonProcess.StartAsync();
        var cli = daemon.Cli();
        using (var dir = new TempDir("bb-"))
            (await cli.RunAsync("berth", ["import", "-c", "CMD [\"sh\"]", BusyboxRootfs.CreateTar(dir.Combine("r.tar")), "busybox"])).EnsureSuccess();
        (await cli.RunAsync("berth", ["run", "-dit", "--name", "keep", "busybox", "sh"])).EnsureSuccess();

        daemon.KillHard();
        await daemon.RestartAsync(); // the shim kept the pty

        await using (var attach = PtySession.Start("berth", ["attach", "keep"], cli.Environment))
        {
            await attach.WaitForAsync(Prompt);
            attach.Send("echo survived-$((6*7))\r");
            await attach.WaitForAsync("survived-42");
            attach.Send("exit 3\r");
            Assert.Equal(3, await attach.WaitForExitAsync());
        }
        Assert.Equal("exited 3", (await cli.RunAsync("berth", ["inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", "keep"])).EnsureSuccess().Stdout.Trim());
    }

    private PtySession Pty(string cli, string[] arguments, int rows = 24, int columns = 80) =>
        PtySession.Start(cli, arguments, engine.Cli.Environment, rows, columns);

    /// <summary>Ctrl-p, then ctrl-q as a separate keystroke (docker's proxy matches key by key).</summary>
    private static async Task DetachAsync(PtySession session)
    {
        session.Send(CtrlP);
        await session.WaitForInputReadAsync(); // the second key arrives in a read of its own, as a person types
        session.Send(CtrlQ);
    }

    private async Task<string> InspectAsync(string name, string format) =>
        (await engine.Berth("inspect", "-f", format, name)).EnsureSuccess().Stdout.Trim();
}
