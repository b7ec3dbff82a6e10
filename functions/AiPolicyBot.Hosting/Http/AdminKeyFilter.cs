using System.Security.Cryptography;
using System.Text;

namespace AiPolicyBot.Hosting;

/// <summary>Configuration section "Admin": the key the local host requires on admin routes.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>No key configured means every admin request is refused (fail closed).</summary>
    public string? Key { get; set; }
}

/// <summary>
/// The local host's stand-in for Functions' function keys on admin routes (docs/spec/http-api.md): the key comes in the
/// <c>x-functions-key</c> header or the <c>code</c> query parameter, as Azure Functions accepts it. Without the right
/// key: 401.
/// </summary>
public sealed class AdminKeyFilter(IOptionsMonitor<AdminOptions> options, ILogger<AdminKeyFilter> logger) : IEndpointFilter
{
    public const string HeaderName = "x-functions-key";
    public const string QueryName = "code";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = options.CurrentValue.Key;
        var request = context.HttpContext.Request;
        var given = request.Headers[HeaderName].FirstOrDefault() ?? request.Query[QueryName].FirstOrDefault();
        if (string.IsNullOrEmpty(expected))
        {
            logger.LogWarning("Admin route refused: no Admin:Key is configured");
            return Unauthorized();
        }
        if (given is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
            return Unauthorized();
        return await next(context);
    }

    private static IResult Unauthorized() =>
        ApiProblems.Unauthorized("An admin key is required (x-functions-key header or code query parameter).");
}
