using System.Text.Json.Serialization;

namespace Berth.Registry.Json;

/// <summary>One granted scope: <c>repository:name:pull,push</c> as <c>{type,name,actions}</c>.</summary>
public sealed class TokenAccess
{
    [JsonPropertyName("type")] public string Type { get; set; } = "";
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("actions")] public List<string> Actions { get; set; } = [];
}
