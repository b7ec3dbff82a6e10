using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using AiPolicyBot.Common;

namespace AiPolicyBot.Teams.Cards.Model;

/// <summary>
/// An Adaptive Card 1.5 (the version Teams needs for Universal Actions). Every card AiPolicyBot sends is built from
/// this model and serialised with <see cref="AiPolicyJson.Options"/>; never hand-write card JSON elsewhere.
/// Text that users typed must go through <see cref="CardText.Escape"/> before it lands in a TextBlock or Fact.
/// </summary>
public sealed record AdaptiveCard
{
    /// <summary>The attachment contentType for Adaptive Cards (not the "…adaptive.card" typo of an old sample).</summary>
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";

    [JsonPropertyOrder(-3)] public string Type => "AdaptiveCard";
    [JsonPropertyOrder(-2), JsonPropertyName("$schema")] public string Schema => SchemaUrl;
    [JsonPropertyOrder(-1)] public string Version { get; init; } = "1.5";

    public IReadOnlyList<CardElement> Body { get; init; } = [];
    public IReadOnlyList<CardAction>? Actions { get; init; }

    /// <summary>Universal Actions refresh (docs/teams-channel.md): only a stable id in the action's data.</summary>
    public CardRefresh? Refresh { get; init; }

    /// <summary>Shown by clients that cannot render the card (and in notifications).</summary>
    public string? FallbackText { get; init; }

    [JsonPropertyName("msteams")] public TeamsCardProperties? MsTeams { get; init; }

    public JsonObject ToJsonObject() =>
        JsonSerializer.SerializeToNode(this, AiPolicyJson.Options)!.AsObject();

    public string ToJson() => JsonSerializer.Serialize(this, AiPolicyJson.Options);
}

/// <summary>
/// refresh = { action: Action.Execute, userIds: [...] }. userIds is always written: [] turns automatic refresh off,
/// leaving it out would auto-refresh for everyone in chats of up to 60 people. At most 60 user MRIs (29:…).
/// </summary>
public sealed record CardRefresh
{
    public const int MaxUserIds = 60;

    [JsonIgnore] public required ExecuteAction Action { get; init; }

    // Written through the base type so the "type": "Action.Execute" discriminator is emitted.
    [JsonInclude, JsonPropertyName("action")] private CardAction SerializedAction => Action;

    public required IReadOnlyList<string> UserIds { get; init; }
}

/// <summary>The Teams-only "msteams" card property.</summary>
public sealed record TeamsCardProperties
{
    public static readonly TeamsCardProperties FullWidth = new() { Width = "Full" };

    /// <summary>"Full" stretches the card to the width of the chat.</summary>
    public string? Width { get; init; }
}
