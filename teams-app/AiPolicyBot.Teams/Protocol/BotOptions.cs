namespace AiPolicyBot.Teams.Protocol;

/// <summary>Configuration section <c>Bot</c>: who the bot is, which tokens it accepts and where it may send.</summary>
public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>The Microsoft App ID (for UserAssignedMSI: the managed identity's client id). The inbound <c>aud</c>.</summary>
    public string? AppId { get; set; }

    /// <summary>Our Entra tenant: outbound token authority and the only tenant whose Entra tokens we may accept.</summary>
    public string? TenantId { get; set; }

    /// <summary>SingleTenant (client secret) or UserAssignedMSI (managed identity). MultiTenant creation is deprecated.</summary>
    public BotAppType AppType { get; set; } = BotAppType.SingleTenant;

    /// <summary>SingleTenant only; for UserAssignedMSI it must not be set.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Bot Framework OpenID metadata (channel tokens). Overridable so tests can serve keys on loopback.</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Accept Entra-issued tokens (Emulator, Playground with --client-id). Off by default (spec §1.4).</summary>
    public bool EnableEntraTokens { get; set; }

    /// <summary>Entra metadata; defaults to our tenant's v2 document.</summary>
    public string? EntraOpenIdMetadataUrl { get; set; }

    /// <summary>Extra Entra issuers to accept (e.g. the Bot Service tenants if Teams starts sending Entra tokens).</summary>
    public List<string> AdditionalEntraIssuers { get; set; } = [];

    /// <summary>channelIds we serve; add outlook/m365extensions only when Outlook message extensions are enabled.</summary>
    public List<string> AllowedChannelIds { get; set; } = ["msteams"];

    /// <summary>
    /// channelIds accepted for composeExtension/* invokes only: Outlook message extensions arrive through the
    /// Microsoft 365 Extensions channel as <c>outlook</c> or <c>m365extensions</c> (docs/teams-channel.md).
    /// Set to ["msteams"] to turn Outlook off.
    /// </summary>
    public List<string> MessageExtensionChannelIds { get; set; } = ["msteams", "outlook", "m365extensions"];

    /// <summary>
    /// Tenants the bot serves. Required outside Development (start-up fails without it); empty in Development means
    /// any tenant whose token is valid. Activities from other tenants get 403 and reach no handler. Checked after
    /// authentication (<see cref="Auth.BotRequestAuthenticator.ServesTenant"/>); the tenant id itself is not signed, so
    /// the edge first requires the body's two tenant fields to agree (<see cref="ActivityValidator"/>).
    /// </summary>
    public List<string> AllowedTenantIds { get; set; } = [];

    /// <summary>
    /// Hosts our connector token may be sent to (https only). "*.x" matches subdomains. Loopback is added only in the
    /// Development environment.
    /// </summary>
    /// <summary>
    /// Extra hosts on top of <see cref="ServiceUrlHosts"/>, comma-separated: what the deployment writes
    /// (<c>Bot__AllowedServiceUrlHosts</c>), so a sovereign cloud can be added without replacing the built-in list.
    /// </summary>
    public string? AllowedServiceUrlHosts { get; set; }

    public IEnumerable<string> AllServiceUrlHosts() => ServiceUrlHosts.Concat(
        (AllowedServiceUrlHosts ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public List<string> ServiceUrlHosts { get; set; } =
    [
        "smba.trafficmanager.net",
        "*.botframework.com",
        "smba.infra.gcc.teams.microsoft.com",
        "smba.infra.gov.teams.microsoft.us",
        "smba.infra.dod.teams.microsoft.us",
    ];

    /// <summary>
    /// Local development only: accept the unauthenticated Agents Playground. Honoured only in Development, from a
    /// loopback caller with a loopback serviceUrl; start-up fails if it is on in any other environment.
    /// </summary>
    public bool AllowUnauthenticatedLocal { get; set; }

    /// <summary>Time to answer any activity (Teams gives 15 s; we keep a margin for the network).</summary>
    public TimeSpan TurnBudget { get; set; } = TimeSpan.FromSeconds(14);

    /// <summary>Time to answer message-extension invokes (Teams gives 5 s).</summary>
    public TimeSpan MessageExtensionBudget { get; set; } = TimeSpan.FromSeconds(4.5);

    /// <summary>Largest accepted request body.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;
}

public enum BotAppType
{
    SingleTenant,
    UserAssignedMSI,
}
