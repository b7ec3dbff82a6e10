using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Teams.Protocol.Auth;

/// <summary>
/// The one place that decides whether the unauthenticated local-development exception (docs/teams-channel.md) is
/// switched on: the setting AND the Development environment; and what a call must look like to use it
/// (<see cref="Refusal"/>). The loopback caller and serviceUrl are checked by <see cref="BotRequestAuthenticator"/>.
/// </summary>
public sealed class LocalDevelopmentMode(IOptions<BotOptions> options, IHostEnvironment environment)
{
    public bool Enabled { get; } = options.Value.AllowUnauthenticatedLocal && environment.IsDevelopment();

    /// <summary>Loopback by literal address or the name localhost (the Playground uses http://localhost:port).</summary>
    public static bool IsLoopbackHost(string? host) =>
        !string.IsNullOrEmpty(host)
        && (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));

    public static bool IsLoopbackUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && IsLoopbackHost(uri.Host);

    /// <summary>
    /// Extra conditions on a call accepted without a token (docs/security.md, "Local mode"). Any web page open in the
    /// developer's browser can reach 127.0.0.1: a form or a fetch with a "simple" content type is sent without a CORS
    /// preflight. Requiring <c>application/json</c> forces the preflight (which nothing here answers), and a browser's
    /// own <c>Sec-Fetch-Site</c> / <c>Origin</c> headers give a cross-site post away. The Playground and the tests are
    /// not browsers: they send JSON and neither header (or a loopback origin).
    /// </summary>
    /// <returns>Why the call is refused (status and the header at fault), or null when it may go on.</returns>
    public static LocalRefusal? Refusal(string? contentType, string? origin, string? secFetchSite)
    {
        if (!IsJson(contentType))
        {
            return new(415, "Content-Type", "must be application/json");
        }

        if (secFetchSite is { Length: > 0 } site && !site.Equals("same-origin", StringComparison.OrdinalIgnoreCase)
            && !site.Equals("none", StringComparison.OrdinalIgnoreCase)
            && !(site.Equals("same-site", StringComparison.OrdinalIgnoreCase) && IsLoopbackUrl(origin)))
        {
            return new(403, "Sec-Fetch-Site", "a cross-site browser request may not use the local exception");
        }

        if (!string.IsNullOrEmpty(origin) && !IsLoopbackUrl(origin))
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
}

/// <summary>A refused local call: the HTTP status, the header at fault and why.</summary>
public sealed record LocalRefusal(int Status, string Field, string Message);

/// <summary>Fails host start-up when the unauthenticated exception is configured outside Development.</summary>
public sealed class BotOptionsValidator(IHostEnvironment environment) : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        var errors = new List<string>();
        if (options.AllowUnauthenticatedLocal && !environment.IsDevelopment())
        {
            errors.Add($"Bot:AllowUnauthenticatedLocal is true in the '{environment.EnvironmentName}' environment; it is allowed only in Development.");
        }

        if (options.AppType == BotAppType.UserAssignedMSI && !string.IsNullOrEmpty(options.ClientSecret))
        {
            errors.Add("Bot:ClientSecret must not be set when Bot:AppType is UserAssignedMSI.");
        }

        // Tenant pinning is the one check that keeps other organisations' Teams users out: a deployment must name
        // the tenants it serves, and a typo must fail here rather than turn every real activity away.
        if (!environment.IsDevelopment() && options.AllowedTenantIds.Count == 0)
        {
            errors.Add($"Bot:AllowedTenantIds is empty in the '{environment.EnvironmentName}' environment; name the Entra tenant(s) the bot serves.");
        }

        var notGuids = options.AllowedTenantIds.Where(t => !Guid.TryParse(t, out _)).ToList();
        if (notGuids.Count > 0)
        {
            errors.Add($"Bot:AllowedTenantIds must hold Entra tenant ids (GUIDs); not one: '{string.Join("', '", notGuids)}'.");
        }

        if (options.MaxBodyBytes <= 0 || options.TurnBudget <= TimeSpan.Zero || options.MessageExtensionBudget <= TimeSpan.Zero)
        {
            errors.Add("Bot:MaxBodyBytes, Bot:TurnBudget and Bot:MessageExtensionBudget must be positive.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
