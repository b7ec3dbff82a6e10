using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
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

    /// <summary>
    /// The connector's named HttpClient (<see cref="ConnectorClient.HttpClientName"/>) with this policy: at most 3
    /// retries, jittered exponential back-off from 0.4 s to 5 s, Retry-After honoured, 8 s per attempt (the client's own
    /// timeout is off so the pipeline's governs). Its configuration runs for every call, so it lives here with the policy.
    /// </summary>
    public static IServiceCollection AddConnectorHttpClient(this IServiceCollection services)
    {
        // Polly's telemetry logs every connector call ("Execution attempt", Information): one log line per turn on the
        // hot path. Retries and failures are Warning and above, and stay.
        services.AddLogging(logging => logging.AddFilter("Polly", LogLevel.Warning));
        // The default HttpClient logs print full URLs, i.e. conversation and user ids: personal data stays out of logs.
        services.AddHttpClient(ConnectorClient.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .AddResilienceHandler("connector", pipeline => pipeline
                .AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 3,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(400),
                    MaxDelay = TimeSpan.FromSeconds(5),
                    ShouldRetryAfterHeader = true,
                    // A POST Teams may already have carried out is never sent again.
                    ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Context.GetRequestMessage()?.Method, args.Outcome)),
                })
                .AddTimeout(TimeSpan.FromSeconds(8)));
        return services;
    }

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
