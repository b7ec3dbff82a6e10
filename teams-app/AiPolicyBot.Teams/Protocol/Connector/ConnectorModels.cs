using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiPolicyBot.Teams.Protocol.Connector;

/// <summary>{ "id": "&lt;activityId&gt;" } from send, reply and update; keep it to update or delete the message later.</summary>
public sealed record ResourceResponse(string? Id);

/// <summary>POST v3/conversations (docs/teams-channel.md). 1:1: isGroup false, one 29: member, tenantId required.</summary>
public sealed record ConversationParameters
{
    public bool IsGroup { get; init; }
    public ChannelAccount? Bot { get; init; }
    public required IReadOnlyList<ChannelAccount> Members { get; init; }
    public required string TenantId { get; init; }
    public TeamsChannelData? ChannelData { get; init; }
    public Activity? Activity { get; init; }

    /// <summary>A personal chat with one user; tenant sent both ways (tenantId and channelData.tenant.id).</summary>
    public static ConversationParameters Personal(string userId, string tenantId, string? botId = null) => new()
    {
        IsGroup = false,
        Bot = botId is null ? null : new ChannelAccount { Id = botId },
        Members = [new ChannelAccount { Id = userId }],
        TenantId = tenantId,
        ChannelData = new TeamsChannelData { Tenant = new TenantInfo(tenantId) },
    };
}

/// <summary>{ id, activityId?, serviceUrl? }.</summary>
public sealed record ConversationResourceResponse(string Id, string? ActivityId = null, string? ServiceUrl = null);

/// <summary>
/// A member as Teams returns it (get member): a channel account with the person's directory fields. The docs use
/// objectId, the SDK aadObjectId: both are read.
/// </summary>
public sealed record TeamsChannelAccount : ChannelAccount
{
    public string? ObjectId { get; init; }
    public string? GivenName { get; init; }
    public string? Surname { get; init; }
    public string? Email { get; init; }
    public string? UserPrincipalName { get; init; }
    public string? TenantId { get; init; }
    public string? UserRole { get; init; }

    [JsonIgnore]
    public string? EntraObjectId => AadObjectId ?? ObjectId;
}
