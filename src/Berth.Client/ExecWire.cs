using System.Text.Json;
using Berth.Api;

namespace Berth.Client;

/// <summary>
/// The exec calls' JSON written and read directly with Utf8JsonWriter/Utf8JsonReader. <c>berth exec</c> is a
/// latency target (issue #3): building System.Text.Json's metadata for these types on first use (the generated
/// context still looks up polymorphism attributes through reflection) was about a sixth of the CLI's CPU time
/// per exec. The bytes mean what BerthApiJsonContext writes and reads (tests compare both): nulls are left out,
/// names are matched case-insensitively, unknown properties are skipped.
/// </summary>
internal static class ExecWire
{
    public static byte[] Write(ExecConfig config) => Build(w =>
    {
        w.WriteBoolean("AttachStdin", config.AttachStdin);
        w.WriteBoolean("AttachStdout", config.AttachStdout);
        w.WriteBoolean("AttachStderr", config.AttachStderr);
        WriteNumbers(w, "ConsoleSize", config.ConsoleSize);
        if (config.DetachKeys is not null) w.WriteString("DetachKeys", config.DetachKeys);
        w.WriteBoolean("Tty", config.Tty);
        WriteStrings(w, "Env", config.Env);
        WriteStrings(w, "Cmd", config.Cmd);
        w.WriteBoolean("Privileged", config.Privileged);
        if (config.User is not null) w.WriteString("User", config.User);
        if (config.WorkingDir is not null) w.WriteString("WorkingDir", config.WorkingDir);
    });

    public static byte[] Write(ExecStartConfig config) => Build(w =>
    {
        w.WriteBoolean("Detach", config.Detach);
        w.WriteBoolean("Tty", config.Tty);
        WriteNumbers(w, "ConsoleSize", config.ConsoleSize);
    });

    /// <summary>The <c>Id</c> of a create answer (<c>{"Id": "…"}</c>); null when it has none.</summary>
    public static string? ReadId(ReadOnlySpan<byte> json)
    {
        string? id = null;
        ReadObject(json, (name, ref reader) =>
        {
            if (Is(name, "Id")) id = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
            else reader.Skip();
        });
        return id;
    }

    public static ExecInspectResponse ReadInspect(ReadOnlySpan<byte> json)
    {
        var inspect = new ExecInspectResponse();
        ReadObject(json, (name, ref reader) =>
        {
            if (Is(name, "CanRemove")) inspect.CanRemove = reader.GetBoolean();
            else if (Is(name, "DetachKeys")) inspect.DetachKeys = OptionalString(ref reader);
            else if (Is(name, "ID")) inspect.Id = OptionalString(ref reader);
            else if (Is(name, "Running")) inspect.Running = reader.GetBoolean();
            else if (Is(name, "ExitCode")) inspect.ExitCode = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32();
            else if (Is(name, "ProcessConfig")) inspect.ProcessConfig = reader.TokenType == JsonTokenType.Null ? null : ReadProcessConfig(ref reader);
            else if (Is(name, "OpenStdin")) inspect.OpenStdin = reader.GetBoolean();
            else if (Is(name, "OpenStderr")) inspect.OpenStderr = reader.GetBoolean();
            else if (Is(name, "OpenStdout")) inspect.OpenStdout = reader.GetBoolean();
            else if (Is(name, "ContainerID")) inspect.ContainerId = OptionalString(ref reader);
            else if (Is(name, "Pid")) inspect.Pid = reader.GetInt32();
            else reader.Skip();
        });
        return inspect;
    }

    private delegate void PropertyReader(string name, ref Utf8JsonReader reader);

    private static void ReadObject(ReadOnlySpan<byte> json, PropertyReader property)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("expected a JSON object");
        ReadProperties(ref reader, property);
    }

    /// <summary>Reads the properties of the object whose StartObject the reader is on, up to its EndObject.</summary>
    private static void ReadProperties(ref Utf8JsonReader reader, PropertyReader property)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            if (!reader.Read()) throw new JsonException("truncated JSON");
            property(name, ref reader);
        }
        if (reader.TokenType != JsonTokenType.EndObject) throw new JsonException("expected the end of a JSON object");
    }

    private static ProcessConfig ReadProcessConfig(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("ProcessConfig is not an object");
        var config = new ProcessConfig();
        ReadProperties(ref reader, (name, ref r) =>
        {
            if (Is(name, "privileged")) config.Privileged = r.GetBoolean();
            else if (Is(name, "user")) config.User = OptionalString(ref r);
            else if (Is(name, "tty")) config.Tty = r.GetBoolean();
            else if (Is(name, "entrypoint")) config.Entrypoint = OptionalString(ref r);
            else if (Is(name, "arguments")) config.Arguments = ReadStrings(ref r);
            else r.Skip();
        });
        return config;
    }

    private static List<string>? ReadStrings(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("expected an array of strings");
        var values = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) values.Add(reader.GetString() ?? "");
        return values;
    }

    private static string? OptionalString(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : reader.GetString();

    private static bool Is(string name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);

    private static void WriteStrings(Utf8JsonWriter w, string name, List<string>? values)
    {
        if (values is null) return;
        w.WriteStartArray(name);
        foreach (var value in values) w.WriteStringValue(value);
        w.WriteEndArray();
    }

    private static void WriteNumbers(Utf8JsonWriter w, string name, List<int>? values)
    {
        if (values is null) return;
        w.WriteStartArray(name);
        foreach (var value in values) w.WriteNumberValue(value);
        w.WriteEndArray();
    }

    private static byte[] Build(Action<Utf8JsonWriter> body)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
