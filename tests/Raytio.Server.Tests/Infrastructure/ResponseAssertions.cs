using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Raytio.Server.Tests.Infrastructure;

public static class ResponseAssertions
{
    /// <summary>Asserts the status and the error body of ENDPOINTS.md; returns the body.</summary>
    public static async Task<JsonElement> AssertErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("message").GetString()));
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        return body;
    }

    public static async Task<JsonElement> AssertOkAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected 200, got {(int)response.StatusCode}: {text}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
