namespace AiPolicyBot.Teams.Protocol.Connector;

/// <summary>The bot's outbound token for the Bot Connector (scope https://api.botframework.com). Implementations cache.</summary>
public interface IConnectorTokenProvider
{
    /// <param name="forceRefresh">True after a 401: skip the cache once, the token may be revoked.</param>
    Task<string> GetTokenAsync(bool forceRefresh, CancellationToken ct);
}
