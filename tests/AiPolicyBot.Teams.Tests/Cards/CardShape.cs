using System.Text.Json.Nodes;

namespace AiPolicyBot.Teams.Tests.Cards;

/// <summary>
/// JSON shape rules of docs/teams-channel.md that are checked on the serialised card itself: version 1.5, the
/// $schema, every Action.Execute has a verb, and a refresh always carries userIds (at most 60).
/// </summary>
public static class CardShape
{
    public static IReadOnlyList<string> Problems(JsonObject card)
    {
        var problems = new List<string>();
        if ((string?)card["type"] != "AdaptiveCard") problems.Add("type is not AdaptiveCard");
        if ((string?)card["version"] != "1.5") problems.Add($"version is {card["version"]?.ToJsonString() ?? "missing"}, expected \"1.5\"");
        if ((string?)card["$schema"] != "http://adaptivecards.io/schemas/adaptive-card.json") problems.Add("$schema missing");
        if (card["refresh"] is JsonObject refresh)
        {
            if ((string?)refresh["action"]?["type"] != "Action.Execute") problems.Add("refresh.action is not Action.Execute");
            if (refresh["userIds"] is not JsonArray ids) problems.Add("refresh.userIds missing");
            else if (ids.Count > 60) problems.Add("refresh.userIds has more than 60 entries");
        }
        Walk(card, "$", problems);
        return problems;
    }

    public static void AssertValid(JsonObject card)
    {
        var problems = Problems(card);
        Assert.True(problems.Count == 0,
            "Card shape problems:\n  " + string.Join("\n  ", problems) + "\n" + card.ToJsonString());
    }

    private static void Walk(JsonNode? node, string path, List<string> problems)
    {
        switch (node)
        {
            case JsonObject obj:
                if ((string?)obj["type"] == "Action.Execute" && string.IsNullOrWhiteSpace((string?)obj["verb"]))
                    problems.Add($"Action.Execute without verb at {path}");
                foreach (var (key, child) in obj) Walk(child, $"{path}.{key}", problems);
                break;
            case JsonArray arr:
                for (var i = 0; i < arr.Count; i++) Walk(arr[i], $"{path}[{i}]", problems);
                break;
        }
    }
}
