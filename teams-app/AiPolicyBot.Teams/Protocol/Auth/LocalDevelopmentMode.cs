using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Teams.Protocol.Auth;

/// <summary>
/// The one place that decides whether the unauthenticated local-development exception (docs/teams-channel.md) is
/// switched on: the setting AND the Development environment. The per-request conditions (loopback caller and
/// loopback serviceUrl) are checked by <see cref="BotRequestAuthenticator"/>.
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
}

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
