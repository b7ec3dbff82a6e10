namespace AiPolicyBot.Teams.Protocol;

/// <summary>A user or bot: <c>29:…</c> user ids, <c>28:…</c> bot ids; aadObjectId is the stable Entra object id.</summary>
public record ChannelAccount : WireObject
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }
    public string? Role { get; init; }
}
