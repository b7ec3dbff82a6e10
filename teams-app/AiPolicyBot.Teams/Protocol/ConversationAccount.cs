namespace AiPolicyBot.Teams.Protocol;

/// <summary>conversationType: personal, groupChat or channel.</summary>
public sealed record ConversationAccount : WireObject
{
    public string? Id { get; init; }
    public string? ConversationType { get; init; }
    public string? TenantId { get; init; }
    public bool? IsGroup { get; init; }
    public string? Name { get; init; }
}
