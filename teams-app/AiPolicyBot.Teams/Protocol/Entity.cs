namespace AiPolicyBot.Teams.Protocol;

/// <summary>An entity: <c>mention</c> (mentioned + text) or <c>clientInfo</c> (locale, country, platform, timezone).</summary>
public sealed record Entity : WireObject
{
    public required string Type { get; init; }
    public ChannelAccount? Mentioned { get; init; }
    public string? Text { get; init; }
    public string? Locale { get; init; }
    public string? Country { get; init; }
    public string? Platform { get; init; }
    public string? Timezone { get; init; }
}
