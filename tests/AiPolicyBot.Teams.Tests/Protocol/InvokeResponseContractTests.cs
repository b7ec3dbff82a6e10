using System.Text.Json;
using System.Text.Json.Nodes;
using AiPolicyBot.Common;
using AiPolicyBot.Teams.Protocol;

namespace AiPolicyBot.Teams.Tests.Protocol;

/// <summary>Every invoke response shape serializes exactly to the JSON examples of docs/teams-channel.md</summary>
public class InvokeResponseContractTests
{
    private static void AssertJson(string expected, object actual)
    {
        var actualJson = JsonSerializer.Serialize(actual, actual.GetType(), AiPolicyJson.Options);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actualJson)),
            $"expected {JsonNode.Parse(expected)!.ToJsonString()}\n  actual {actualJson}");
    }

    private static JsonNode Card(string json) => JsonNode.Parse(json)!;

    [Fact]
    public void Adaptive_card_replacement_matches_spec_3_6_1()
    {
        var card = Card("""
            { "type": "AdaptiveCard", "$schema": "http://adaptivecards.io/schemas/adaptive-card.json", "version": "1.5",
              "refresh": { "action": { "type": "Action.Execute", "verb": "refreshView", "data": { "requestId": "42" } }, "userIds": [] },
              "body": [ { "type": "TextBlock", "text": "Approved by Megan" } ] }
            """);
        var response = InvokeResponseFactory.ForCardAction(InvokeResponseFactory.Card(card));
        Assert.Equal(200, response.Status);
        AssertJson("""
            { "statusCode": 200, "type": "application/vnd.microsoft.card.adaptive",
              "value": { "type": "AdaptiveCard", "$schema": "http://adaptivecards.io/schemas/adaptive-card.json", "version": "1.5",
                         "refresh": { "action": { "type": "Action.Execute", "verb": "refreshView", "data": { "requestId": "42" } }, "userIds": [] },
                         "body": [ { "type": "TextBlock", "text": "Approved by Megan" } ] } }
            """, response.Body!);
    }

    [Fact]
    public void Message_matches_spec_3_6_2()
    {
        var response = InvokeResponseFactory.ForCardAction(InvokeResponseFactory.Message("Your approval was recorded."));
        Assert.Equal(200, response.Status);
        AssertJson("""{ "statusCode": 200, "type": "application/vnd.microsoft.activity.message", "value": "Your approval was recorded." }""", response.Body!);
    }

    [Fact]
    public void Error_matches_spec_3_6_3_and_travels_with_http_200()
    {
        var response = InvokeResponseFactory.ForCardAction(InvokeResponseFactory.Error(400, "BadRequest", "Missing requestId"));
        Assert.Equal(200, response.Status);
        AssertJson("""{ "statusCode": 400, "type": "application/vnd.microsoft.error", "value": { "code": "BadRequest", "message": "Missing requestId" } }""", response.Body!);
    }

    [Fact]
    public void Message_extension_result_matches_spec_3_7()
    {
        var response = MessagingExtensionResponse.Results(
        [
            new MessagingExtensionAttachment(
                AdaptiveCardInvokeResponse.CardType,
                Card("""{ "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "TextBlock", "text": "Contoso ticket 85069" } ] }"""),
                new Attachment
                {
                    ContentType = "application/vnd.microsoft.card.thumbnail",
                    Content = Card("""{ "title": "85069: Create a cool app", "text": "Active" }"""),
                }),
        ], cacheInfo: CacheInfo.NoCache);
        AssertJson("""
            {
              "composeExtension": {
                "type": "result",
                "attachmentLayout": "list",
                "attachments": [
                  {
                    "contentType": "application/vnd.microsoft.card.adaptive",
                    "content": { "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "TextBlock", "text": "Contoso ticket 85069" } ] },
                    "preview": { "contentType": "application/vnd.microsoft.card.thumbnail",
                                 "content": { "title": "85069: Create a cool app", "text": "Active" } }
                  }
                ]
              },
              "cacheInfo": { "cacheType": "no-cache" }
            }
            """, response);
    }

    [Fact]
    public void Message_extension_message_matches_spec_3_7()
    {
        AssertJson("""{ "composeExtension": { "type": "message", "text": "No results for 'xyz'." } }""",
            MessagingExtensionResponse.Message("No results for 'xyz'."));
    }

    [Fact]
    public void Task_module_continue_matches_spec_3_9_with_the_card_as_an_attachment()
    {
        var response = TaskModuleResponse.Continue(TaskInfo.ForCard("Create ticket", Card("""
            { "type": "AdaptiveCard", "version": "1.5",
              "body": [ { "type": "Input.Text", "id": "title", "label": "Title" } ],
              "actions": [ { "type": "Action.Submit", "title": "Create" } ] }
            """)));
        AssertJson("""
            {
              "task": {
                "type": "continue",
                "value": {
                  "title": "Create ticket", "height": "medium", "width": "medium",
                  "card": {
                    "contentType": "application/vnd.microsoft.card.adaptive",
                    "content": { "type": "AdaptiveCard", "version": "1.5",
                                 "body": [ { "type": "Input.Text", "id": "title", "label": "Title" } ],
                                 "actions": [ { "type": "Action.Submit", "title": "Create" } ] }
                  }
                }
              }
            }
            """, response);
    }

    [Fact]
    public void Task_module_message_matches_spec_3_9()
    {
        AssertJson("""{ "task": { "type": "message", "value": "You are not allowed to create tickets." } }""",
            TaskModuleResponse.Message("You are not allowed to create tickets."));
    }

    [Fact]
    public void Task_module_pixel_sizes_serialize_as_numbers()
    {
        var info = TaskInfo.ForCard("t", Card("""{ "type": "AdaptiveCard", "version": "1.5" }"""), height: 510, width: "large");
        var json = JsonNode.Parse(JsonSerializer.Serialize(TaskModuleResponse.Continue(info), AiPolicyJson.Options))!;
        Assert.Equal(510, json["task"]!["value"]!["height"]!.GetValue<int>());
        Assert.Equal("large", json["task"]!["value"]!["width"]!.GetValue<string>());
    }

    [Fact]
    public void Bot_message_preview_matches_spec_3_10()
    {
        var preview = new Activity
        {
            Type = "message",
            Attachments = [new Attachment { ContentType = AdaptiveCardInvokeResponse.CardType, Content = Card("""{ "type": "AdaptiveCard", "version": "1.5" }""") }],
        };
        AssertJson("""
            { "composeExtension": { "type": "botMessagePreview", "activityPreview": { "type": "message",
              "attachments": [ { "contentType": "application/vnd.microsoft.card.adaptive", "content": { "type": "AdaptiveCard", "version": "1.5" } } ] } } }
            """, MessagingExtensionResponse.BotMessagePreview(preview));
    }

    [Fact]
    public void Submit_action_card_response_matches_spec_3_10()
    {
        var hero = Card("""{ "title": "Saved", "text": "ChatGPT request" }""");
        var response = MessagingExtensionResponse.Results(
        [
            new MessagingExtensionAttachment("application/vnd.microsoft.card.hero", hero,
                new Attachment { ContentType = "application/vnd.microsoft.card.hero", Content = hero.DeepClone() }),
        ]);
        AssertJson("""
            { "composeExtension": { "type": "result", "attachmentLayout": "list", "attachments": [ {
                "contentType": "application/vnd.microsoft.card.hero", "content": { "title": "Saved", "text": "ChatGPT request" },
                "preview": { "contentType": "application/vnd.microsoft.card.hero", "content": { "title": "Saved", "text": "ChatGPT request" } } } ] } }
            """, response);
    }

    [Fact]
    public void Success_without_content_is_200_with_no_body_and_unknown_invoke_is_501()
    {
        Assert.Equal(new InvokeResponse(200, null), InvokeResponseFactory.Ok());
        Assert.Equal(new InvokeResponse(501, null), InvokeResponseFactory.NotImplemented());
    }
}
