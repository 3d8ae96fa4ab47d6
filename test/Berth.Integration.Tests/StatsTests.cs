using System.Text.Json;
using Berth.Testing;

namespace Berth.Integration.Tests;

/// <summary>Container stats through the API, the bulk extension, berth and the real docker CLI.</summary>
[Collection(EngineCollection.Name)]
public sealed class StatsTests(EngineFixture engine)
{
    private const string ZeroTime = "0001-01-01T00:00:00Z";

    /// <summary>Holds ~20 MB in a shell variable, then spins: memory and CPU both show.</summary>
    private const string HogScript = "a=$(head -c 20000000 /dev/zero | tr '\\0' x); echo ready; while true; do :; done";

    private async Task<string> RunHogAsync(string name)
    {
        var id = (await engine.Berth("run", "-d", "--name", name, "--pids-limit", "64", "busybox", "sh", "-c", HogScript)).EnsureSuccess().Stdout.Trim();
        await Poll.UntilAsync(async () => (await engine.Berth("logs", name)).Stdout.Contains("ready", StringComparison.Ordinal),
            TimeSpan.FromSeconds(20), "the hog to allocate");
        return id;
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var http = engine.Daemon.CreateHttpClient();
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task StreamFalseAnswersWithSaneNumbersAndAPreviousSample()
    {
        var id = await RunHogAsync("stats-hog");
        try
        {
            var stats = await GetJsonAsync("/containers/stats-hog/stats?stream=false");
            Assert.Equal(id, stats.GetProperty("id").GetString());
            Assert.Equal("/stats-hog", stats.GetProperty("name").GetString());
            var read = DateTimeOffset.Parse(stats.GetProperty("read").GetString()!);
            var preread = DateTimeOffset.Parse(stats.GetProperty("preread").GetString()!);
            Assert.True(preread > DateTimeOffset.UnixEpoch && preread < read, $"preread {preread} read {read}");

            var cpu = stats.GetProperty("cpu_stats");
            var precpu = stats.GetProperty("precpu_stats");
            Assert.True(cpu.GetProperty("cpu_usage").GetProperty("total_usage").GetUInt64() > precpu.GetProperty("cpu_usage").GetProperty("total_usage").GetUInt64());
            Assert.True(cpu.GetProperty("system_cpu_usage").GetUInt64() > precpu.GetProperty("system_cpu_usage").GetUInt64());
            Assert.Equal((uint)Environment.ProcessorCount, cpu.GetProperty("online_cpus").GetUInt32());

            var memory = stats.GetProperty("memory_stats");
            Assert.InRange(memory.GetProperty("usage").GetUInt64(), 15_000_000UL, 200_000_000UL);
            Assert.True(memory.GetProperty("limit").GetUInt64() > 100_000_000UL, "no limit set: the host's memory");
            Assert.True(memory.GetProperty("stats").EnumerateObject().Any());

            var pids = stats.GetProperty("pids_stats");
            Assert.InRange(pids.GetProperty("current").GetUInt64(), 1UL, 10UL);
            Assert.Equal(64UL, pids.GetProperty("limit").GetUInt64());
            Assert.Equal(JsonValueKind.Array, stats.GetProperty("blkio_stats").GetProperty("io_service_bytes_recursive").ValueKind);

            var oneShot = await GetJsonAsync("/containers/stats-hog/stats?stream=false&one-shot=true");
            Assert.NotEqual(ZeroTime, oneShot.GetProperty("read").GetString());
        }
        finally
        {
            await engine.Berth("rm", "-f", "stats-hog");
        }
    }

    [Fact]
    public async Task StreamSendsOneObjectPerSampleEachFollowingTheLast()
    {
        (await engine.Berth("run", "-d", "--name", "stats-stream", "busybox", "sh", "-c", "while true; do sleep 1; done")).EnsureSuccess();
        try
        {
            using var http = engine.Daemon.CreateHttpClient();
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            using var response = await http.GetAsync("/containers/stats-stream/stats", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
            response.EnsureSuccessStatusCode();
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
            var first = JsonDocument.Parse((await reader.ReadLineAsync(cancel.Token))!).RootElement;
            var second = JsonDocument.Parse((await reader.ReadLineAsync(cancel.Token))!).RootElement;
            Assert.Equal(first.GetProperty("read").GetString(), second.GetProperty("preread").GetString());
            Assert.Equal(first.GetProperty("cpu_stats").GetProperty("system_cpu_usage").GetUInt64(),
                second.GetProperty("precpu_stats").GetProperty("system_cpu_usage").GetUInt64());
        }
        finally
        {
            await engine.Berth("rm", "-f", "stats-stream");
        }
    }

    [Fact]
    public async Task StoppedContainerGetsZerosAndTheBulkCallListsWhatRuns()
    {
        (await engine.Berth("create", "--name", "stats-stopped", "busybox", "true")).EnsureSuccess();
        (await engine.Berth("run", "-d", "--name", "stats-bulk", "busybox", "sh", "-c", "while true; do sleep 1; done")).EnsureSuccess();
        try
        {
            var stopped = await GetJsonAsync("/containers/stats-stopped/stats?stream=false");
            Assert.Equal(ZeroTime, stopped.GetProperty("read").GetString());
            Assert.Equal(ZeroTime, stopped.GetProperty("preread").GetString());
            Assert.Equal(0UL, stopped.GetProperty("cpu_stats").GetProperty("cpu_usage").GetProperty("total_usage").GetUInt64());
            // A stopped container's stream ends after its one (empty) sample.
            var streamed = await GetJsonAsync("/containers/stats-stopped/stats");
            Assert.Equal(ZeroTime, streamed.GetProperty("read").GetString());

            var running = await GetJsonAsync("/containers/stats");
            var names = running.EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
            Assert.Contains("/stats-bulk", names);
            Assert.DoesNotContain("/stats-stopped", names);
            var bulk = running.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "/stats-bulk");
            Assert.NotEqual(ZeroTime, bulk.GetProperty("read").GetString());
            Assert.NotEqual(ZeroTime, bulk.GetProperty("preread").GetString());

            var all = await GetJsonAsync("/containers/stats?all=1");
            Assert.Contains("/stats-stopped", all.EnumerateArray().Select(s => s.GetProperty("name").GetString()));

            using var http = engine.Daemon.CreateHttpClient();
            using var missing = await http.GetAsync("/containers/nosuch/stats?stream=false");
            Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
        }
        finally
        {
            await engine.Berth("rm", "-f", "stats-stopped", "stats-bulk");
        }
    }

    [Fact]
    public async Task BerthStatsPrintsDockersTable()
    {
        var id = await RunHogAsync("stats-cli");
        try
        {
            var table = (await engine.Berth("stats", "--no-stream")).EnsureSuccess().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Matches(@"^CONTAINER ID\s+NAME\s+CPU %\s+MEM USAGE / LIMIT\s+MEM %\s+NET I/O\s+BLOCK I/O\s+PIDS$", table[0]);
            var row = Assert.Single(table, l => l.StartsWith(id[..12], StringComparison.Ordinal));
            Assert.Matches(@"^\w{12}\s+stats-cli\s+\d+\.\d\d%\s+\d+(\.\d+)?MiB / \d+(\.\d+)?[KMG]iB\s+\d+\.\d\d%\s+\S+ / \S+\s+\S+ / \S+\s+\d+$", row);

            var formatted = (await engine.Berth("stats", "--no-stream", "--format", "{{.Name}} {{.PIDs}} {{.MemUsage}}", "stats-cli")).EnsureSuccess().Stdout.Trim();
            Assert.Matches(@"^stats-cli \d+ \d+(\.\d+)?MiB / ", formatted);
            var cpu = (await engine.Berth("stats", "--no-stream", "--format", "{{.CPUPerc}}", "stats-cli")).EnsureSuccess().Stdout.Trim();
            Assert.True(double.Parse(cpu.TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture) > 1.0, $"a spinning shell uses CPU: {cpu}");

            // Several names: one bulk request, rows in the order asked, .Container as typed.
            var two = (await engine.Berth("stats", "--no-stream", "--format", "{{.Container}} {{.Name}}", id[..12], "stats-cli")).EnsureSuccess().Stdout;
            Assert.Equal($"{id[..12]} stats-cli\nstats-cli stats-cli\n", two);
            var oneMissing = await engine.Berth("stats", "--no-stream", "stats-cli", "nosuch");
            Assert.NotEqual(0, oneMissing.ExitCode);
            Assert.Contains("No such container: nosuch", oneMissing.Stderr);

            var missing = await engine.Berth("stats", "--no-stream", "nosuch");
            Assert.NotEqual(0, missing.ExitCode);
            Assert.Contains("No such container: nosuch", missing.Stderr);
        }
        finally
        {
            await engine.Berth("rm", "-f", "stats-cli");
        }
    }

    [Fact]
    public async Task DockerStatsNoStreamShowsTheContainer()
    {
        var id = await RunHogAsync("stats-docker");
        try
        {
            var table = (await engine.Docker("stats", "--no-stream")).EnsureSuccess().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Matches(@"^CONTAINER ID\s+NAME\s+CPU %\s+MEM USAGE / LIMIT\s+MEM %\s+NET I/O\s+BLOCK I/O\s+PIDS$", table[0]);
            var row = Assert.Single(table, l => l.StartsWith(id[..12], StringComparison.Ordinal));
            Assert.Matches(@"^\w{12}\s+stats-docker\s+\d+\.\d\d%\s+\d+(\.\d+)?MiB / \d+(\.\d+)?[KMG]iB\s+\d+\.\d\d%\s+\S+ / \S+\s+\S+ / \S+\s+\d+$", row);

            var cpu = (await engine.Docker("stats", "--no-stream", "--format", "{{.CPUPerc}} {{.PIDs}}", "stats-docker")).EnsureSuccess().Stdout.Trim().Split(' ');
            Assert.True(double.Parse(cpu[0].TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture) > 1.0, $"a spinning shell uses CPU: {cpu[0]}");
            Assert.True(int.Parse(cpu[1], System.Globalization.CultureInfo.InvariantCulture) >= 1);
        }
        finally
        {
            await engine.Berth("rm", "-f", "stats-docker");
        }
    }
}
