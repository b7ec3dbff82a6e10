using System.Text.Json;
using System.Text.Json.Nodes;
using AiPolicyBot.Common;
using AiPolicyBot.Teams.Protocol;

namespace AiPolicyBot.Teams.Tests.Support;

/// <summary>The card a sent activity carries, as the connector receives it (the content is written with the bot's JSON options).</summary>
internal static class SentCard
{
    public static JsonObject Json(Activity sent) =>
        JsonSerializer.SerializeToNode(sent.Attachments!.Single().Content, AiPolicyJson.Options)!.AsObject();
}
