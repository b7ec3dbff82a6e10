using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AiPolicyBot.Hosting.Tests;

public class HealthTests(LocalHostFactory factory) : IClassFixture<LocalHostFactory>
{
    [Fact]
    public async Task Health_is_200_with_a_version_and_needs_no_key()
    {
        var response = await factory.CreateClient().GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("version").GetString()));
    }
}
