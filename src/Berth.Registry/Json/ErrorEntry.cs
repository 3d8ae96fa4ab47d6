using System.Text.Json.Serialization;

namespace Berth.Registry.Json;

/// <summary>One error of an <see cref="ErrorResponse"/>.</summary>
public sealed class ErrorEntry
{
    [JsonPropertyName("code")] public string Code { get; set; } = "";
    [JsonPropertyName("message")] public string Message { get; set; } = "";
    [JsonPropertyName("detail")] public string? Detail { get; set; }
}
