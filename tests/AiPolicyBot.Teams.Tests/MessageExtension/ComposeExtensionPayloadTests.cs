using System.Text.Json;
using AiPolicyBot.Common;
using AiPolicyBot.Teams.MessageExtension;

namespace AiPolicyBot.Teams.Tests.MessageExtension;

/// <summary>Reading composeExtension invoke values (docs/teams-channel.md) and message bodies.</summary>
public class ComposeExtensionPayloadTests
{
    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void Query_reads_command_text_and_paging()
    {
        var q = ComposeExtensionQuery.Parse(Json("""
            { "commandId": "searchTools", "parameters": [ { "name": "searchQuery", "value": "  chat gtp " } ],
              "queryOptions": { "skip": 25, "count": 10 }, "state": "x" }
            """), "searchQuery");
        Assert.Equal(new ComposeExtensionQuery("searchTools", "chat gtp", false, 25, 10), q);
    }

    [Fact]
    public void Initial_run_parameter_or_an_empty_query_is_an_initial_run()
    {
        Assert.True(ComposeExtensionQuery.Parse(Json("""{ "commandId": "searchTools", "parameters": [ { "name": "initialRun", "value": "true" } ] }"""), "searchQuery").InitialRun);
        var empty = ComposeExtensionQuery.Parse(Json("""{ "commandId": "searchTools", "parameters": [ { "name": "searchQuery", "value": "" } ] }"""), "searchQuery");
        Assert.True(empty.InitialRun);
        Assert.Equal(ComposeExtensionQuery.DefaultCount, empty.Count);
    }

    [Theory]
    [InlineData("""{ "parameters": [] }""", "value.commandId")]
    [InlineData("""{ "commandId": "searchTools", "parameters": "chatgpt" }""", "value.parameters")]
    [InlineData("""{ "commandId": "searchTools", "queryOptions": { "skip": -5 } }""", "value.queryOptions.skip")]
    [InlineData("""{ "commandId": "searchTools", "queryOptions": { "count": 0 } }""", "value.queryOptions.count")]
    [InlineData("""{ "commandId": "searchTools", "queryOptions": { "count": "ten" } }""", "value.queryOptions.count")]
    [InlineData("""[1, 2]""", "value")]
    public void Malformed_queries_name_the_field(string json, string field)
    {
        var e = Assert.Throws<ValidationFailedException>(() => ComposeExtensionQuery.Parse(Json(json), "searchQuery"));
        Assert.Contains(e.Errors, x => x.Field == field);
    }

    [Fact]
    public void A_very_long_query_is_refused_by_field()
    {
        var json = JsonSerializer.Serialize(new { commandId = "searchTools", parameters = new[] { new { name = "searchQuery", value = new string('a', 500) } } });
        var e = Assert.Throws<ValidationFailedException>(() => ComposeExtensionQuery.Parse(Json(json), "searchQuery"));
        Assert.Equal("value.parameters.value", e.Errors[0].Field);
    }

    [Fact]
    public void Action_reads_the_message_payload_as_plain_text()
    {
        var a = ComposeExtensionAction.Parse(Json("""
            { "commandId": "checkMessage", "commandContext": "message", "context": { "theme": "dark" },
              "messagePayload": { "id": "1", "linkToMessage": "https://teams.microsoft.com/l/message/1",
                "body": { "contentType": "html", "content": "<div><p>Can we use <b>Canva</b>&nbsp;&amp; <at>Copilot</at>?</p><p>Thanks</p><script>alert(1)</script></div>" } } }
            """));
        Assert.Equal("checkMessage", a.CommandId);
        Assert.Equal("message", a.CommandContext);
        Assert.Equal("Can we use Canva & Copilot?\nThanks", a.Message!.Text);
        Assert.False(a.IsJustInTimeInstall);
    }

    [Fact]
    public void Action_recognises_the_just_in_time_install_submit()
    {
        var a = ComposeExtensionAction.Parse(Json("""{ "commandId": "requestApproval", "commandContext": "compose", "data": { "msteams": { "justInTimeInstall": true } } }"""));
        Assert.True(a.IsJustInTimeInstall);
        Assert.Null(a.Message);
    }

    [Fact]
    public void Plain_text_bodies_are_kept_and_huge_bodies_are_cut()
    {
        Assert.Equal("a <b> c", MessageText.FromBody("a <b> c", "text"));
        var huge = MessageText.FromBody("<p>" + string.Concat(Enumerable.Repeat("word ", 20_000)) + "</p>", "html");
        Assert.True(huge.Length <= MessageText.MaxLength);
    }
}
