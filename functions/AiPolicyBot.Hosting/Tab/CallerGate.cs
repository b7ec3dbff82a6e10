using System.Security.Cryptography;
using System.Text;

namespace AiPolicyBot.Hosting.Tab;

/// <summary>
/// Who may call the register and tab routes: a bearer token from Teams SSO (<see cref="TabTokenValidator"/>), the
/// admin key for automation (<c>x-functions-key</c>, as on the other admin routes), or in Development the local
/// demo sign-in. Answers 401 without a usable identity and 403 without the role; the caller is kept on the request.
/// </summary>
public sealed class CallerGate(TabTokenValidator tokens, LocalSignIn local, IOptionsMonitor<AdminOptions> admin, ILogger<CallerGate> logger)
{
    private const string ItemKey = "AiPolicyBot.SignedInCaller";

    public static SignedInCaller Caller(HttpContext context) =>
        context.Items[ItemKey] as SignedInCaller ?? throw new InvalidOperationException("The route has no caller gate.");

    /// <summary>Null when the caller may go on (and is then available from <see cref="Caller"/>), else the answer.</summary>
    public async Task<IResult?> CheckAsync(HttpContext context, string? role)
    {
        var caller = await AuthenticateAsync(context);
        if (caller is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Problem(title: "Sign-in required",
                detail: "Open the AI tools register from Teams, or send a bearer token for the AiPolicyBot API.",
                statusCode: StatusCodes.Status401Unauthorized);
        }
        if (role is not null && !caller.Has(role))
            return TypedResults.Problem(title: "Not allowed", detail: $"This needs the {role} role.", statusCode: StatusCodes.Status403Forbidden);
        context.Items[ItemKey] = caller;
        return null;
    }

    private async Task<SignedInCaller?> AuthenticateAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Headers[AdminKeyFilter.HeaderName].FirstOrDefault() is { Length: > 0 } key)
        {
            var expected = admin.CurrentValue.Key;
            return !string.IsNullOrEmpty(expected) && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(expected))
                ? new SignedInCaller("key:automation", "automation", "", new HashSet<string>(), IsAutomation: true)
                : null;
        }
        var authorization = request.Headers.Authorization.FirstOrDefault();
        if (authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var (caller, problem) = await tokens.ValidateAsync(authorization["Bearer ".Length..].Trim(), context.RequestAborted);
            if (caller is null) logger.LogInformation("Tab token refused: {Problem}", problem);
            return caller;
        }
        return local.TryGet(context);
    }
}

/// <summary>The gate as an endpoint filter for a route group (the local host; Functions triggers call the gate directly).</summary>
public static class CallerGateFilter
{
    public static TBuilder RequireCaller<TBuilder>(this TBuilder builder, string? role = null) where TBuilder : Microsoft.AspNetCore.Builder.IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var gate = context.HttpContext.RequestServices.GetService(typeof(CallerGate)) as CallerGate
                       ?? throw new InvalidOperationException("CallerGate is not registered.");
            return await gate.CheckAsync(context.HttpContext, role) ?? await next(context);
        });
}
