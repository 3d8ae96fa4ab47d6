using System.Text.Json;

namespace Berth.Registry.Tests;

/// <summary>Reads the spec error JSON of a response.</summary>
public static class ErrorBody
{
    public static async Task<string> CodeAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.GetProperty("errors")[0].GetProperty("code").GetString()!;
    }

    public static async Task AssertAsync(HttpResponseMessage response, System.Net.HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, await CodeAsync(response));
    }
}
