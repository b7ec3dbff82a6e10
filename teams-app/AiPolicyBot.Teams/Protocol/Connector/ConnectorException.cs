using System.Net;

namespace AiPolicyBot.Teams.Protocol.Connector;

/// <summary>
/// A connector call failed after retries. <see cref="IsMessageWritesBlocked"/> (403, the user blocked or uninstalled
/// the bot) is permanent for that user: do not retry, drop or flag the stored reference.
/// </summary>
public sealed class ConnectorException(HttpStatusCode status, string operation, string? errorCode, string? body)
    : Exception($"Connector {operation} failed: {(int)status} {errorCode}")
{
    public HttpStatusCode Status { get; } = status;
    public string? ErrorCode { get; } = errorCode;

    /// <summary>The raw error body (Teams error shapes vary); may contain ids, so log it only at debug level.</summary>
    public string? Body { get; } = body;

    public bool IsMessageWritesBlocked => Status == HttpStatusCode.Forbidden
        && Body?.Contains("MessageWritesBlocked", StringComparison.Ordinal) == true;
}

/// <summary>The serviceUrl is not on the allow-list; nothing was sent.</summary>
public sealed class ServiceUrlNotAllowedException(string serviceUrl)
    : Exception($"Refusing to call a connector at a serviceUrl that is not allowed: {serviceUrl}");
