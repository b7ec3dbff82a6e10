using System.Globalization;
using System.Net;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace AiPolicyBot.Infrastructure.Mail;

/// <summary>
/// Graph retry rules (docs/mail.md). The SDK RetryHandler retries 429/503/504 for every method, so a POST
/// that Graph executed but answered 504 would run twice. This policy keeps 429 for any method (the request was
/// rejected, Retry-After honoured) and 503/504 only for GET.
/// </summary>
public static class GraphRetry
{
    public static RetryHandlerOption SafeRetry(int maxRetry = 3, int delaySeconds = 2) => new()
    {
        MaxRetry = maxRetry,
        Delay = delaySeconds,
        ShouldRetry = (_, _, response) => ShouldRetry(response),
    };

    public static bool ShouldRetry(HttpResponseMessage response) =>
        (int)response.StatusCode == 429
        || (response.RequestMessage?.Method == HttpMethod.Get
            && response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout);

    /// <summary>
    /// The wait Graph asked for when <paramref name="error"/> is a throttling response (429) that survived the SDK
    /// retries: ODataError / ApiException, or the AggregateException the RetryHandler throws after its last retry.
    /// Null for anything else.
    /// </summary>
    public static TimeSpan? ThrottledFor(Exception error, TimeSpan fallback)
    {
        switch (error)
        {
            case AggregateException aggregate:
                foreach (var inner in aggregate.InnerExceptions)
                    if (ThrottledFor(inner, fallback) is { } wait) return wait;
                return null;
            case ApiException api when api.ResponseStatusCode == 429:
                return RetryAfter(api.ResponseHeaders) ?? fallback;
            default:
                return error.InnerException is { } innerError ? ThrottledFor(innerError, fallback) : null;
        }
    }

    /// <summary>Status code of a Graph failure, looking inside the RetryHandler's AggregateException.</summary>
    public static int? StatusOf(Exception error) => error switch
    {
        ApiException api => api.ResponseStatusCode,
        AggregateException aggregate => aggregate.InnerExceptions.Select(StatusOf).LastOrDefault(s => s is not null),
        _ => null,
    };

    private static TimeSpan? RetryAfter(IDictionary<string, IEnumerable<string>>? headers)
    {
        if (headers is null) return null;
        foreach (var (name, values) in headers)
        {
            if (!name.Equals("Retry-After", StringComparison.OrdinalIgnoreCase)) continue;
            var value = values.FirstOrDefault();
            if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
                return TimeSpan.FromSeconds(seconds);
            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                return at > DateTimeOffset.UtcNow ? at - DateTimeOffset.UtcNow : TimeSpan.Zero;
        }
        return null;
    }
}
