using System.Text.Json;

namespace AiPolicyBot.Teams.Conversation;

/// <summary>The parsed value of an <c>adaptiveCard/action</c> invoke: verb, data (action data + inputs) and trigger.</summary>
public sealed record CardActionInvoke(string Verb, string? ActionId, JsonElement Data, string Trigger)
{
    /// <summary>An automatic refresh (the card was viewed), not a click: never edit the shared message then.</summary>
    public bool IsAutomaticRefresh => string.Equals(Trigger, "automatic", StringComparison.Ordinal);

    /// <summary>A string field of data, or null.</summary>
    public string? GetString(string name) =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : null;

    /// <summary>A multi-select ChoiceSet's value ("A,B,C") as its items; empty when the field is missing.</summary>
    public IReadOnlyList<string> GetList(string name) =>
        GetString(name)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
