using System.Text.Json;
using System.Text.Json.Nodes;
using AiPolicyBot.Common;
using AiPolicyBot.Teams.Protocol;

namespace AiPolicyBot.Teams.Tests.Protocol;

public class ActivityModelTests
{
    private const string SpecMessage = """
        {
          "type": "message", "id": "1485983408511", "timestamp": "2017-02-01T21:10:07.437Z",
          "serviceUrl": "https://smba.trafficmanager.net/amer/", "channelId": "msteams",
          "from": { "id": "29:1XJKJMvc5GBtc2JwZq0oj8...", "name": "Megan Bowen", "aadObjectId": "7faf8ab2-3d56-4244-b585-20c8a42ed2b8" },
          "conversation": { "conversationType": "personal", "id": "a:17I0kl9EkpE1O9PH5TWrzrLNwnWWcf..." },
          "recipient": { "id": "28:c9e8c047-2a74-40a2-b28a-b162d5f5327c", "name": "Teams TestBot" },
          "textFormat": "plain", "text": "Hello Teams TestBot.",
          "attachments": [ { "contentType": "text/html", "content": "<div>Hello Teams TestBot.</div>" } ],
          "entities": [ { "type": "clientInfo", "locale": "en-US", "country": "US", "platform": "Windows", "timezone": "America/Los_Angeles" } ],
          "channelData": { "tenant": { "id": "72f988bf-86f1-41af-91ab-2d7cd011db47" } },
          "locale": "en-US"
        }
        """;

    [Fact]
    public void Spec_message_reads_every_field()
    {
        var a = JsonSerializer.Deserialize<Activity>(SpecMessage, AiPolicyJson.Options)!;
        Assert.Equal("message", a.Type);
        Assert.Equal("msteams", a.ChannelId);
        Assert.Equal("7faf8ab2-3d56-4244-b585-20c8a42ed2b8", a.From!.AadObjectId);
        Assert.Equal("personal", a.Conversation!.ConversationType);
        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", a.TenantId);
        Assert.Equal("text/html", a.Attachments![0].ContentType);
        Assert.Equal("America/Los_Angeles", a.Entities![0].Timezone);
    }

    [Fact]
    public void Round_trip_keeps_unknown_fields_and_omits_nulls()
    {
        var json = """
            { "type": "invoke", "name": "composeExtension/query", "futureField": { "x": 1 },
              "channelData": { "tenant": { "id": "t" }, "source": { "name": "compose" }, "meeting": { "id": "m" } },
              "value": { "commandId": "searchCmd", "parameters": [ { "name": "q", "value": "Toronto" } ] } }
            """;
        var a = JsonSerializer.Deserialize<Activity>(json, AiPolicyJson.Options)!;
        Assert.Equal("compose", a.ChannelData!.Source!.Name);
        Assert.Equal("searchCmd", a.Value!.Value.GetProperty("commandId").GetString());
        var back = JsonNode.Parse(JsonSerializer.Serialize(a, AiPolicyJson.Options))!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), back), back.ToJsonString());
    }

    [Fact]
    public void Team_channel_data_and_installation_action_are_read()
    {
        var a = JsonSerializer.Deserialize<Activity>("""
            { "type": "installationUpdate", "action": "add-upgrade",
              "channelData": { "tenant": { "id": "t1" }, "team": { "id": "19:team@thread.tacv2", "name": "Staff", "aadGroupId": "g" },
                               "channel": { "id": "19:c@thread.tacv2", "name": "General" }, "eventType": "teamMemberAdded" } }
            """, AiPolicyJson.Options)!;
        Assert.Equal("add-upgrade", a.Action);
        Assert.Equal("Staff", a.ChannelData!.Team!.Name);
        Assert.Equal("General", a.ChannelData.Channel!.Name);
        Assert.Equal("teamMemberAdded", a.ChannelData.EventType);
        Assert.Equal("t1", a.TenantId);
    }

    [Fact]
    public void Reply_swaps_from_and_recipient_and_points_at_the_activity()
    {
        var a = JsonSerializer.Deserialize<Activity>(SpecMessage, AiPolicyJson.Options)!;
        var reply = a.CreateReply("hi");
        Assert.Equal("28:c9e8c047-2a74-40a2-b28a-b162d5f5327c", reply.From!.Id);
        Assert.Equal("29:1XJKJMvc5GBtc2JwZq0oj8...", reply.Recipient!.Id);
        Assert.Equal("1485983408511", reply.ReplyToId);
        Assert.Equal("message", reply.Type);
    }

    [Theory]
    [InlineData("<at>AiPolicyBot</at> can I use ChatGPT?", true, "can I use ChatGPT?")]
    [InlineData("<at>AiPolicyBot</at>&nbsp;can I   use Copilot for marking?", true, "can I use Copilot for marking?")]
    [InlineData("can I use <at>AiPolicyBot</at> here", true, "can I use here")]
    [InlineData("<at>AiPolicyBot</at> can I use ChatGPT?", false, "can I use ChatGPT?")]
    [InlineData("@AiPolicyBot can I use Gemini?", false, "can I use Gemini?")]
    [InlineData("ask <at>Megan</at> if I can use Gemini", false, "ask <at>Megan</at> if I can use Gemini")]
    public void Bot_mention_is_stripped_and_other_mentions_kept(string text, bool withEntity, string expected)
    {
        var activity = new Activity
        {
            Type = "message",
            Text = text,
            Recipient = new ChannelAccount { Id = "28:bot", Name = "AiPolicyBot" },
            Entities = withEntity
                ? [new Entity { Type = "mention", Text = "<at>AiPolicyBot</at>", Mentioned = new ChannelAccount { Id = "28:bot", Name = "AiPolicyBot" } }]
                : null,
        };
        Assert.Equal(expected, MentionText.WithoutBotMention(activity));
    }

    [Fact]
    public void Mention_entity_for_someone_else_is_not_removed()
    {
        var activity = new Activity
        {
            Text = "<at>Megan</at> can I use X?",
            Recipient = new ChannelAccount { Id = "28:bot", Name = "AiPolicyBot" },
            Entities = [new Entity { Type = "mention", Text = "<at>Megan</at>", Mentioned = new ChannelAccount { Id = "29:megan" } }],
        };
        Assert.Equal("<at>Megan</at> can I use X?", MentionText.WithoutBotMention(activity));
    }
}
