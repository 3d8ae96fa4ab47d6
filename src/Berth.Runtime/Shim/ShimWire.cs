using System.Text.Json;

namespace Berth.Runtime.Shim;

/// <summary>
/// The shim's side of the protocol written directly with Utf8JsonWriter/Utf8JsonReader: the JsonSerializer
/// machinery behind <see cref="ShimJsonContext"/> would more than double berth-shim's resident size (issue #2
/// budget: 4 MiB per container). Output is byte-for-byte what ShimJsonContext writes (tests pin both); the
/// daemon keeps using the context.
/// </summary>
public static class ShimWire
{
    public static byte[] Write(ShimReadiness readiness) => Build(w =>
    {
        w.WriteBoolean("ok", readiness.Ok);
        w.WriteNumber("pid", readiness.Pid);
        if (readiness.Error is not null) w.WriteString("error", readiness.Error);
        if (readiness.Kind is not null) w.WriteString("kind", readiness.Kind);
    });

    public static byte[] Write(ShimResponse response) => Build(w => WriteResponseFields(w, response));

    /// <summary>The response as one protocol line (JSON and its newline), so it goes out in a single write.</summary>
    public static byte[] WriteLine(ShimResponse response) => Build(w => WriteResponseFields(w, response), newline: true);

    private static void WriteResponseFields(Utf8JsonWriter w, ShimResponse response)
    {
        w.WriteBoolean("ok", response.Ok);
        if (response.Error is not null) w.WriteString("error", response.Error);
        w.WriteNumber("pid", response.Pid);
        w.WriteBoolean("running", response.Running);
        if (response.Exit is { } exit)
        {
            w.WriteStartObject("exit");
            WriteExitFields(w, exit);
            w.WriteEndObject();
        }
    }

    public static byte[] Write(ShimExitStatus exit) => Build(w => WriteExitFields(w, exit));

    /// <summary>Parses a request line; null when it is not a JSON object with the known fields.</summary>
    public static ShimRequest? ReadRequest(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            var request = new ShimRequest();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "op": request.Op = reader.GetString() ?? ""; break;
                    case "signal": request.Signal = reader.GetInt32(); break;
                    case "all": request.All = reader.GetBoolean(); break;
                    case "stdin": request.Stdin = reader.GetBoolean(); break;
                    case "tty": request.Tty = reader.GetBoolean(); break;
                    case "execId": request.ExecId = reader.TokenType == JsonTokenType.Null ? null : reader.GetString(); break;
                    case "process": request.Process = reader.TokenType == JsonTokenType.Null ? null : reader.GetString(); break;
                    case "height": request.Height = reader.GetInt32(); break;
                    case "width": request.Width = reader.GetInt32(); break;
                    default: reader.Skip(); break;
                }
            }
            return request;
        }
        catch (JsonException) { return null; }
        catch (InvalidOperationException) { return null; }
        catch (FormatException) { return null; }
    }

    private static void WriteExitFields(Utf8JsonWriter w, ShimExitStatus exit)
    {
        w.WriteNumber("exitCode", exit.ExitCode);
        w.WriteBoolean("oomKilled", exit.OomKilled);
        w.WriteString("exitedAt", exit.ExitedAt);
    }

    private static byte[] Build(Action<Utf8JsonWriter> body, bool newline = false)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        if (newline) buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
