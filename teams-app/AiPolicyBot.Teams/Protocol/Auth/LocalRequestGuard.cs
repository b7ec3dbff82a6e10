namespace AiPolicyBot.Teams.Protocol.Auth;

/// <summary>
/// Extra conditions on a call accepted without a token in local development (docs/security.md, "Local mode"). Any web
/// page open in the developer's browser can reach 127.0.0.1: a form or a fetch with a "simple" content type is sent
/// without a CORS preflight. Requiring <c>application/json</c> forces the preflight (which nothing here answers), and
/// a browser's own <c>Sec-Fetch-Site</c> / <c>Origin</c> headers give a cross-site post away. The Playground and the
/// tests are not browsers: they send JSON and neither header (or a loopback origin).
/// </summary>
public static class LocalRequestGuard
{
    /// <summary>Why the call is refused (status and the header at fault), or null when it may go on.</summary>
    public static LocalRefusal? Refusal(string? contentType, string? origin, string? secFetchSite)
    {
        if (!IsJson(contentType))
        {
            return new(415, "Content-Type", "must be application/json");
        }

        if (secFetchSite is { Length: > 0 } site && !site.Equals("same-origin", StringComparison.OrdinalIgnoreCase)
            && !site.Equals("none", StringComparison.OrdinalIgnoreCase)
            && !(site.Equals("same-site", StringComparison.OrdinalIgnoreCase) && IsLoopbackOrigin(origin)))
        {
            return new(403, "Sec-Fetch-Site", "a cross-site browser request may not use the local exception");
        }

        if (!string.IsNullOrEmpty(origin) && !IsLoopbackOrigin(origin))
        {
            return new(403, "Origin", "only a loopback origin may use the local exception");
        }

        return null;
    }

    private static bool IsJson(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType)) return false;
        var semicolon = contentType.IndexOf(';');
        var media = (semicolon < 0 ? contentType : contentType[..semicolon]).Trim();
        return media.Equals("application/json", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsLoopbackOrigin(string? origin) => LocalDevelopmentMode.IsLoopbackUrl(origin);
}

/// <summary>A refused local call: the HTTP status, the header at fault and why.</summary>
public sealed record LocalRefusal(int Status, string Field, string Message);
