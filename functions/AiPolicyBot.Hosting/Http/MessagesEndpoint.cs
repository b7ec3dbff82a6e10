using System.Net;
using System.Text.Json;
using AiPolicyBot.Common;
using AiPolicyBot.Teams.Protocol;
using AiPolicyBot.Teams.Protocol.Auth;
using AiPolicyBot.Teams.Protocol.Dispatch;

namespace AiPolicyBot.Hosting;

/// <summary>
/// POST /api/messages, the Teams channel endpoint (docs/teams-channel.md): size limit (413) → parse (400) →
/// authenticate (401, nothing else touched) → dispatch → HTTP answer (non-invoke: 200 empty; invoke: its status and
/// JSON body). Every error is a problem from <see cref="ApiProblems"/>. HEAD answers 200 (the Playground's liveness check); other verbs 405. Host-independent: the Functions
/// trigger and the local host both hand it the HttpContext.
/// </summary>
public sealed class MessagesEndpoint(
    BotRequestAuthenticator authenticator,
    ActivityDispatcher dispatcher,
    IOptions<BotOptions> options,
    ILogger<MessagesEndpoint> logger)
{
    // Read once: the body limit is a setting, not a per-request lookup.
    private readonly int _maxBodyBytes = options.Value.MaxBodyBytes;

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        if (HttpMethods.IsHead(request.Method))
        {
            response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            response.Headers.Allow = "POST, HEAD";
            await TypedResults.Problem(title: "Only POST and HEAD.", statusCode: StatusCodes.Status405MethodNotAllowed).ExecuteAsync(context);
            return;
        }

        // The body lives in a pooled buffer only until it is parsed: no per-request 16 KB chunk or copies (the
        // activity's JsonElements own their data once deserialized).
        IReadOnlyList<FieldError> invalid;
        Activity? activity;
        using (var body = await RequestBody.ReadAsync(request, _maxBodyBytes, context.RequestAborted))
        {
            if (body is not { } b)
            {
                await ApiProblems.TooLarge(_maxBodyBytes).ExecuteAsync(context);
                return;
            }

            invalid = Parse(b.Span, out activity);
        }

        if (invalid.Count > 0)
        {
            await ApiProblems.Invalid(invalid, "The activity is not valid").ExecuteAsync(context);
            return;
        }

        AuthResult auth;
        try
        {
            auth = await authenticator.AuthenticateAsync(
                request.Headers.Authorization.ToString(), activity!, IsLoopback(context.Connection.RemoteIpAddress), context.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // No keys yet (metadata endpoint unreachable on a cold start): we cannot judge the token, so nothing runs.
            logger.LogError(e, "Could not load the keys to validate the token");
            await ApiProblems.Unavailable("The keys to validate the token could not be loaded; try again shortly.").ExecuteAsync(context);
            return;
        }

        if (!auth.IsAuthenticated)
        {
            // Nothing about why: the reason is logged by the authenticator, never told to the caller.
            await ApiProblems.Unauthorized().ExecuteAsync(context);
            return;
        }

        if (auth.Mode == AuthMode.LocalUnauthenticated
            && LocalDevelopmentMode.Refusal(request.ContentType, request.Headers.Origin, request.Headers["Sec-Fetch-Site"]) is { } refusal)
        {
            // No token vouches for a local call: a web page in the developer's browser must not be able to post one.
            logger.LogWarning("Refused a local unauthenticated call: {Reason}", refusal.Message);
            await ApiProblems.Invalid([new FieldError(refusal.Field, refusal.Message)], "The request was refused", refusal.Status).ExecuteAsync(context);
            return;
        }

        if (!authenticator.ServesTenant(activity!.TenantId))
        {
            logger.LogWarning("Rejected an activity from a tenant that is not served");
            await ApiProblems.Forbidden().ExecuteAsync(context);
            return;
        }

        InvokeResponse? result;
        try
        {
            result = await dispatcher.DispatchAsync(activity!, auth.Mode);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Handling {Type} {Name} failed", activity!.Type, activity.Name);
            await ApiProblems.Failed().ExecuteAsync(context);
            return;
        }

        if (activity!.Type != ActivityTypes.Invoke)
        {
            response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        response.StatusCode = result?.Status ?? StatusCodes.Status200OK;
        if (result?.Body is { } payload)
        {
            response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(response.Body, payload, payload.GetType(), AiPolicyJson.Options, context.RequestAborted);
        }
    }

    /// <summary>Parses the body and checks the activity's shape (<see cref="ActivityValidator"/>); every problem found.</summary>
    private static IReadOnlyList<FieldError> Parse(ReadOnlySpan<byte> body, out Activity? activity)
    {
        activity = null;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, AiPolicyJson.Options);
        }
        catch (JsonException e)
        {
            return [new FieldError(e.Path is { Length: > 1 } path ? path.TrimStart('$', '.') : "body", "is not a valid activity (JSON)")];
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json throws this for a few shapes it cannot bind (e.g. a number where it wants a string
            // inside extension data); still the caller's mistake.
            return [new FieldError("body", "is not a valid activity (JSON)")];
        }

        return activity is null ? [new FieldError("body", "is empty; expected an activity")] : ActivityValidator.Validate(activity);
    }

    private static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address);
}
