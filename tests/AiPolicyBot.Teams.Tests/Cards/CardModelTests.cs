using System.Text.Json.Nodes;
using AiPolicyBot.Teams.Cards;
using AiPolicyBot.Teams.Cards.Model;

namespace AiPolicyBot.Teams.Tests.Cards;

public class CardModelTests
{
    [Fact]
    public async Task Every_sample_card_passes_the_official_validator_in_one_batch()
    {
        await CardValidator.AssertAllValidAsync(SampleCards.All());
    }

    [Fact]
    public async Task The_validator_rejects_a_broken_card_with_the_reasons()
    {
        const string broken = """
            {"type":"AdaptiveCard","version":"1.6","body":[
              {"type":"TextBlok","text":"typo"},
              {"type":"TextBlock","text":"${unresolved}","size":"huge"},
              {"type":"Image"},
              {"type":"FactSet","facts":[]}],
             "actions":[{"type":"Action.Execute","title":"No verb"},{"type":"Action.OpenUrl","title":"No url"}],
             "refresh":{"action":{"type":"Action.Execute","verb":"r"}}}
            """;
        var results = await CardValidator.ValidateAsync([("good", SampleCards.ApprovalWithRefresh().ToJson()), ("broken", broken)]);

        Assert.Empty(results[0].Errors);
        var codes = results[1].Errors.Select(e => e.Code).ToHashSet();
        foreach (var expected in new[] { "UnknownElementType", "InvalidPropertyValue", "PropertyCantBeNull", "VersionAboveTarget",
                     "UnresolvedTemplate", "ImageWithoutUrl", "EmptyFactSet", "ExecuteWithoutVerb", "RefreshWithoutUserIds" })
            Assert.Contains(expected, codes);
    }

    [Fact]
    public void Every_sample_card_has_the_required_json_shape()
    {
        foreach (var (name, card) in SampleCards.All())
        {
            var json = card.ToJsonObject();
            Assert.True(CardShape.Problems(json).Count == 0, $"{name}: {string.Join("; ", CardShape.Problems(json))}");
        }
    }

    [Fact]
    public void A_card_sent_as_the_message_content_writes_the_same_bytes_as_its_json_object()
    {
        // The chat path sends the card model itself (CardActivities.CardMessage); the connector must still receive
        // byte for byte what the JSON-object form of the card wrote.
        var cards = SampleCards.All().Concat(AiPolicyBot.Teams.Tests.Conversation.ConversationCardsTests.AllCards()).ToList();
        Assert.True(cards.Count > 10);
        foreach (var (name, card) in cards)
        {
            var asObject = new AiPolicyBot.Teams.Protocol.Activity
            {
                Type = AiPolicyBot.Teams.Protocol.ActivityTypes.Message,
                Attachments = [new AiPolicyBot.Teams.Protocol.Attachment { ContentType = AdaptiveCard.ContentType, Content = card.ToJsonObject() }],
            };
            var sent = CardActivities.CardMessage(card);
            Assert.True(Wire(asObject).SequenceEqual(Wire(sent)), $"{name}: the sent card's JSON differs");
        }

        static byte[] Wire(AiPolicyBot.Teams.Protocol.Activity a) =>
            System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(a, a.GetType(), AiPolicyBot.Common.AiPolicyJson.Options);
    }

    [Fact]
    public void Shape_check_catches_missing_verb_wrong_version_and_missing_user_ids()
    {
        var json = JsonNode.Parse("""
            {"type":"AdaptiveCard","version":"1.4","$schema":"http://adaptivecards.io/schemas/adaptive-card.json",
             "refresh":{"action":{"type":"Action.Execute","verb":"r"}},
             "body":[{"type":"ActionSet","actions":[{"type":"Action.Execute","title":"x"}]}]}
            """)!.AsObject();
        var problems = CardShape.Problems(json);
        Assert.Contains(problems, p => p.Contains("version"));
        Assert.Contains(problems, p => p.Contains("userIds"));
        Assert.Contains(problems, p => p.Contains("without verb at $.body[0].actions[0]"));
    }

    [Fact]
    public void Serialises_with_type_discriminators_schema_spellings_and_no_nulls()
    {
        var json = SampleCards.ApprovalWithRefresh().ToJsonObject();

        Assert.Equal("AdaptiveCard", (string?)json["type"]);
        Assert.Equal("1.5", (string?)json["version"]);
        Assert.Equal("Action.Execute", (string?)json["refresh"]!["action"]!["type"]);
        Assert.Equal("refreshApproval", (string?)json["refresh"]!["action"]!["verb"]);
        Assert.Equal("AIP-2026-0042", (string?)json["refresh"]!["action"]!["data"]!["requestId"]);
        Assert.Equal(2, json["refresh"]!["userIds"]!.AsArray().Count);
        Assert.Equal("positive", (string?)json["actions"]![0]!["style"]);
        Assert.Equal("destructive", (string?)json["actions"]![1]!["style"]);
        Assert.Equal("TextBlock", (string?)json["body"]![0]!["type"]);
        Assert.False(json.ContainsKey("msteams"));

        var status = SampleCards.ToolStatus("Canva").ToJsonObject();
        Assert.Equal("Full", (string?)status["msteams"]!["width"]);
        var heading = status["body"]![0]!["items"]![0]!;
        Assert.Equal("Large", (string?)heading["size"]);
        Assert.Equal("Bolder", (string?)heading["weight"]);
        Assert.Equal("heading", (string?)heading["style"]);
        Assert.True((bool?)heading["wrap"]);
        Assert.Equal("Column", (string?)status["body"]![1]!["columns"]![0]!["type"]);
        Assert.Equal("Image", (string?)status["body"]![1]!["columns"]![0]!["items"]![0]!["type"]);

        var form = SampleCards.RequestForm("x").ToJsonObject();
        Assert.Equal("Input.Text", (string?)form["body"]![1]!["type"]);
        Assert.Equal("purpose", (string?)form["body"]![1]!["id"]);
        Assert.Equal("expanded", (string?)form["body"]![3]!["style"]);
        Assert.Equal("none", (string?)form["actions"]![1]!["associatedInputs"]);
        Assert.DoesNotContain("null", form.ToJsonString());
    }

    [Fact]
    public void Refresh_user_ids_are_written_even_when_empty()
    {
        var card = new AdaptiveCard
        {
            Refresh = new CardRefresh { Action = new ExecuteAction { Verb = "refresh" }, UserIds = [] },
            Body = [new TextBlock { Text = "x" }],
        };
        var json = card.ToJsonObject();
        Assert.Empty(json["refresh"]!["userIds"]!.AsArray());
    }

    [Fact]
    public async Task A_nasty_tool_name_is_escaped_in_the_card_and_the_card_stays_valid()
    {
        var json = SampleCards.ToolStatus(SampleCards.NastyToolName).ToJsonObject();
        var shown = (string)json["body"]![0]!["items"]![0]!["text"]!;

        Assert.DoesNotContain("**Chat**", shown);
        Assert.DoesNotContain("[click](", shown);
        Assert.DoesNotContain("<script>", shown);
        Assert.DoesNotContain("{{DATE", shown);
        Assert.DoesNotContain("${", shown);
        Assert.Equal(SampleCards.NastyToolName, CommonMarkUnescape(shown));

        var results = await CardValidator.ValidateAsync([("nasty", json.ToJsonString())]);
        Assert.Empty(results[0].Errors);
    }

    // CommonMark: a backslash before ASCII punctuation yields the character itself.
    internal static string CommonMarkUnescape(string s) =>
        System.Text.RegularExpressions.Regex.Replace(s, @"\\([!-/:-@\[-`{-~])", "$1").Replace('\u00A0', ' ');
}

public class SampleCardFilesTests
{
    // tools/cards/samples/*.json feed render-card.js and docs; they must be what the model produces today.
    // To refresh them: AIPOLICYBOT_WRITE_CARD_SAMPLES=1 dotnet test --filter SampleCardFilesTests
    [Fact]
    public void The_committed_sample_card_files_match_the_model()
    {
        var dir = Path.Combine(CardValidator.RepoRoot(), "tools", "cards", "samples");
        var write = Environment.GetEnvironmentVariable("AIPOLICYBOT_WRITE_CARD_SAMPLES") == "1";
        foreach (var (name, card) in SampleCards.All())
        {
            var file = Path.Combine(dir, name.Replace(' ', '-') + ".json");
            var expected = card.ToJsonObject();
            if (write)
                File.WriteAllText(file, expected.ToJsonString(new System.Text.Json.JsonSerializerOptions(AiPolicyBot.Common.AiPolicyJson.Options) { WriteIndented = true }) + "\n");
            Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(File.ReadAllText(file))), $"{file} is out of date");
        }
    }
}
