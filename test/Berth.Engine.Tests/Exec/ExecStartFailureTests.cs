using Berth.Engine.Exec;

namespace Berth.Engine.Tests.Exec;

public sealed class ExecStartFailureTests
{
    [Theory]
    [InlineData("OCI runtime exec failed: exec failed: unable to start container process: exec: \"nosuch\": executable file not found in $PATH: unknown", 127)]
    [InlineData("OCI runtime exec failed: exec failed: unable to start container process: exec: \"/x\": stat /x: no such file or directory: unknown", 127)]
    [InlineData("OCI runtime exec failed: exec failed: unable to start container process: exec: \"/etc\": permission denied: unknown", 126)]
    [InlineData("Container abc is not running", 126)]
    public void Exit_codes_follow_dockerd(string message, int exitCode) =>
        Assert.Equal(exitCode, ExecService.StartFailureExitCode(message));
}
