using Berth.Api;
using Berth.Cli.Commands.Images;

namespace Berth.Cli.Tests.Commands.Images;

public sealed class TransferProgressViewTests
{
    private static async IAsyncEnumerable<JsonMessage> Messages(params JsonMessage[] messages)
    {
        foreach (var message in messages)
        {
            await Task.Yield();
            yield return message;
        }
    }

    private static JsonMessage Layer(string id, string status, long? current = null, long? total = null) => new()
    {
        Id = id,
        Status = status,
        ProgressDetail = current is null ? new ProgressDetail() : new ProgressDetail { Current = current, Total = total },
    };

    private static readonly JsonMessage[] Pull =
    [
        new() { Status = "Pulling from tools/busybox", Id = "1.0" },
        Layer("aaaaaaaaaaaa", "Pulling fs layer"),
        Layer("aaaaaaaaaaaa", "Downloading", 1_000_000, 2_000_000),
        Layer("aaaaaaaaaaaa", "Download complete"),
        Layer("aaaaaaaaaaaa", "Pull complete"),
        new() { Status = "Digest: sha256:abc" },
    ];

    [Fact]
    public async Task Off_a_terminal_lines_are_plain_and_byte_progress_is_left_out()
    {
        var output = new StringWriter();
        var error = await new TransferProgressView(output, isTerminal: false, width: 80).ShowAsync(Messages(Pull), CancellationToken.None);
        Assert.Null(error);
        Assert.Equal("""
            1.0: Pulling from tools/busybox
            aaaaaaaaaaaa: Pulling fs layer
            aaaaaaaaaaaa: Download complete
            aaaaaaaaaaaa: Pull complete
            Digest: sha256:abc

            """.ReplaceLineEndings("\n"), output.ToString());
    }

    [Fact]
    public async Task On_a_terminal_each_layer_line_is_redrawn_in_place_with_a_bar()
    {
        var output = new StringWriter();
        await new TransferProgressView(output, isTerminal: true, width: 200).ShowAsync(Messages(Pull), CancellationToken.None);
        var text = output.ToString();
        Assert.Contains("\u001b[1A\u001b[2K\raaaaaaaaaaaa: Downloading [=========================>                         ]      1MB/2MB\r\u001b[1B", text);
        Assert.EndsWith("Digest: sha256:abc\n", text);
    }

    [Fact]
    public async Task An_error_in_the_stream_is_returned()
    {
        var error = await new TransferProgressView(new StringWriter(), false, 80)
            .ShowAsync(Messages(new JsonMessage { Error = "x", ErrorDetail = new ErrorDetail { Message = "unauthorized: authentication required" } }), CancellationToken.None);
        Assert.Equal("unauthorized: authentication required", error);
    }

    [Fact]
    public void Credentials_round_trip_in_docker_config_format_and_docker_s_file_is_read_too()
    {
        var home = Directory.CreateTempSubdirectory("berth-cred-").FullName;
        try
        {
            var context = CliTestContext.Create(environment: new() { ["HOME"] = home });
            var store = new CredentialStore(context);
            store.Save("127.0.0.1:5000", "alice", "s3:cret");
            Assert.Contains("\"auth\": \"YWxpY2U6czM6Y3JldA==\"", File.ReadAllText(Path.Combine(home, ".berth", "config.json")));
            Assert.Equal("s3:cret", store.Find("127.0.0.1:5000")!.Password);
            Assert.NotNull(store.RegistryAuthFor("127.0.0.1:5000/a/b:1"));
            Assert.Null(store.RegistryAuthFor("busybox"));

            Directory.CreateDirectory(Path.Combine(home, ".docker"));
            File.WriteAllText(Path.Combine(home, ".docker", "config.json"), """{"auths":{"https://index.docker.io/v1/":{"auth":"Ym9iOnB3"}}}""");
            Assert.Equal("bob", store.Find(RegistryNames.Domain("busybox"))!.Username);
            Assert.True(store.Remove("127.0.0.1:5000"));
            Assert.Null(store.Find("127.0.0.1:5000"));
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    [Theory]
    [InlineData("busybox", "docker.io/library/busybox:latest")]
    [InlineData("user/app:1", "docker.io/user/app:1")]
    [InlineData("127.0.0.1:5000/a/b", "127.0.0.1:5000/a/b:latest")]
    [InlineData("localhost/x@sha256:0123", "localhost/x@sha256:0123")]
    public void Full_names_are_what_docker_pull_prints(string image, string full) => Assert.Equal(full, RegistryNames.FullName(image));
}
