namespace AiPolicyBot.Teams.Protocol.Auth;

/// <summary>How a request was let in (or why not). <see cref="Reason"/> is for logs only, never for the response.</summary>
public sealed record AuthResult(AuthMode Mode, string Reason)
{
    public bool IsAuthenticated => Mode != AuthMode.Rejected;

    public static AuthResult Reject(string reason) => new(AuthMode.Rejected, reason);
}

public enum AuthMode
{
    Rejected,

    /// <summary>A Bot Framework channel token (iss https://api.botframework.com): real Teams traffic.</summary>
    Channel,

    /// <summary>An Entra token from a caller holding our own app credentials (only when enabled).</summary>
    Entra,

    /// <summary>The Agents Playground without a token: Development, loopback caller and loopback serviceUrl only.</summary>
    LocalUnauthenticated,
}
