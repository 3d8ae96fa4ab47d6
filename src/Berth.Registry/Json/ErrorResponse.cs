using System.Text.Json.Serialization;

namespace Berth.Registry.Json;

/// <summary>The error body: <c>{"errors":[{"code","message","detail"}]}</c>.</summary>
public sealed class ErrorResponse
{
    [JsonPropertyName("errors")] public List<ErrorEntry> Errors { get; set; } = [];
}
