using System.Net;
using System.Text;
using System.Text.Json;

namespace AiPolicyBot.Hosting.Tests.Conversation;

/// <summary>POST /api/conversation/preview through the real local host (docs/spec/conversation-preview.md).</summary>
public class ConversationPreviewTests(LocalHostFactory factory) : IClassFixture<LocalHostFactory>
{
    private const string AdminKey = "local-dev-admin-key"; // appsettings.Development.json
    private const string Route = "/api/conversation/preview";

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string json)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", AdminKey);
        var response = await client.PostAsync(Route, new StringContent(json, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task Without_the_admin_key_it_is_401()
    {
        var response = await factory.CreateClient().PostAsync(Route, new StringContent("""{"text":"help"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_misspelt_question_comes_back_in_the_contract_shape()
    {
        var (status, body) = await PostAsync("""{ "text": "can i use chat gtp for lesson plans?", "academy": "oakfield" }""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("askTool", body.GetProperty("intent").GetString());
        Assert.Equal("chatgpt-free", body.GetProperty("tool").GetString());
        Assert.InRange(body.GetProperty("confidence").GetDouble(), 0.5, 1.0);
        Assert.Empty(body.GetProperty("candidates").EnumerateArray());
        Assert.Equal("lessonPlanning", body.GetProperty("filters").GetProperty("useCategory").GetString());
    }

    [Fact]
    public async Task A_product_that_shares_a_word_with_a_register_entry_is_itself_and_tool_is_null_when_none_is_named()
    {
        var (_, copilot) = await PostAsync("""{ "text": "is github copilot ok for my computing club?" }""");
        Assert.Equal("unknown:GitHub Copilot", copilot.GetProperty("tool").GetString());

        var (_, list) = await PostAsync("""{ "text": "which AI tools are approved for marking at Hillcrest?" }""");
        Assert.Equal("listApproved", list.GetProperty("intent").GetString());
        Assert.Equal(JsonValueKind.Null, list.GetProperty("tool").ValueKind);
        Assert.Equal("hillcrest", list.GetProperty("filters").GetProperty("academy").GetString());
        Assert.Equal("feedbackMarking", list.GetProperty("filters").GetProperty("useCategory").GetString());
    }

    [Theory]
    [InlineData("""{ "academy": "oakfield" }""", "text")]
    [InlineData("""{ "text": 42 }""", "text")]
    [InlineData("""{ "text": null }""", "text")]
    [InlineData("""{ "text": "hi", "academy": 7 }""", "academy")]
    [InlineData("""[ "text" ]""", "$")]
    [InlineData("""{ "text": """, "$")]
    public async Task Bad_input_is_400_naming_the_field(string json, string field)
    {
        var (status, body) = await PostAsync(json);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(field, body.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task Text_over_4000_characters_is_400_and_4000_is_fine()
    {
        var (tooLong, body) = await PostAsync(JsonSerializer.Serialize(new { text = new string('a', 4001) }));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong);
        Assert.Equal(["text"], body.GetProperty("errors").EnumerateObject().Select(e => e.Name));

        var (fits, _) = await PostAsync(JsonSerializer.Serialize(new { text = new string('a', 4000) }));
        Assert.Equal(HttpStatusCode.OK, fits);
    }
}
