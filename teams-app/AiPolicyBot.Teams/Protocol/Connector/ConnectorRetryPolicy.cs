using System.Net;
using Polly;
using Polly.Timeout;

namespace AiPolicyBot.Teams.Protocol.Connector;

/// <summary>
/// Which failed connector calls may be sent again (docs/security.md, "Nothing sent twice"). Teams does not
/// de-duplicate a POST (a send, a reply, a new conversation): once it may have arrived, sending it again can post the
/// message twice. So a POST is retried only when Teams certainly did not act on it: throttled (429), precondition
/// failed (412), or the connection never opened. PUT, DELETE and GET are idempotent and are also retried after a
/// gateway error (502/503/504), a timeout or a dropped connection.
/// </summary>
public static class ConnectorRetryPolicy
{
    /// <summary>Answers that mean "not done, try later" for any method.</summary>
    public static readonly IReadOnlySet<int> NotProcessedStatusCodes = new HashSet<int> { 429, 412 };

    /// <summary>Answers after which the call may or may not have been carried out.</summary>
    public static readonly IReadOnlySet<int> UncertainStatusCodes = new HashSet<int> { 502, 503, 504 };

    public static bool ShouldRetry(HttpMethod? method, Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => NotProcessedStatusCodes.Contains((int)response.StatusCode)
            || (UncertainStatusCodes.Contains((int)response.StatusCode) && IsIdempotent(method)),
        { Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } } => true,
        { Exception: HttpRequestException or TimeoutRejectedException } => IsIdempotent(method),
        _ => false,
    };

    private static bool IsIdempotent(HttpMethod? method) =>
        method is not null && (method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Get);
}
