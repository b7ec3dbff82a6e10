namespace AiPolicyBot.Teams.Protocol;

/// <summary>Teams' channelData (botbuilder TeamsChannelData): tenant, team, channel, event type and source.</summary>
public sealed record TeamsChannelData : WireObject
{
    public TenantInfo? Tenant { get; init; }
    public TeamInfo? Team { get; init; }
    public ChannelInfo? Channel { get; init; }

    /// <summary>teamMemberAdded, channelCreated, teamRenamed, … on conversationUpdate.</summary>
    public string? EventType { get; init; }

    /// <summary>Where an invoke came from, e.g. <c>compose</c> or <c>message</c>.</summary>
    public SourceInfo? Source { get; init; }
}

public sealed record TenantInfo(string? Id);

public sealed record TeamInfo
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadGroupId { get; init; }
}

public sealed record ChannelInfo
{
    public string? Id { get; init; }
    public string? Name { get; init; }
}

public sealed record SourceInfo(string? Name);
