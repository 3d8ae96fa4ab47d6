using System.Text.Json;
using System.Text.Json.Serialization;

namespace Berth.Engine.Distribution;

/// <summary>A registry's error body (distribution spec "Error Codes"): <c>{"errors":[{"code","message","detail"}]}</c>.</summary>
public sealed class RegistryErrorResponse
{
    [JsonPropertyName("errors")] public List<RegistryError>? Errors { get; set; }
}

public sealed class RegistryError
{
    [JsonPropertyName("code")] public string? Code { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
    [JsonPropertyName("detail")] public JsonElement? Detail { get; set; }

    /// <summary>As dockerd prints an errcode: <c>manifest unknown: manifest unknown</c>.</summary>
    public override string ToString() =>
        $"{(Code ?? "unknown").Replace('_', ' ').ToLowerInvariant()}: {Message}";
}
