using Microsoft.Extensions.Hosting;

namespace AiPolicyBot.Hosting.Tab;

/// <summary>
/// Configuration section "Tab": the "AI tools register" tab's sign-in (docs/deploy.md, "The register tab"). Teams
/// single sign-on gives the page a token for our API (the app registration <see cref="ClientId"/>, exposed as
/// <see cref="ApplicationIdUri"/>); the server accepts it only from <see cref="AllowedTenantIds"/>.
/// </summary>
public sealed class TabOptions
{
    public const string Section = "Tab";

    /// <summary>Client id of the tab's app registration (the manifest's webApplicationInfo.id).</summary>
    public string? ClientId { get; set; }

    /// <summary>Its Application ID URI, api://{host}/{clientId} (the manifest's webApplicationInfo.resource).</summary>
    public string? ApplicationIdUri { get; set; }

    /// <summary>The Trust's tenant: whose signing keys and issuer are trusted. Defaults to Bot:TenantId.</summary>
    public string? TenantId { get; set; }

    /// <summary>Tenants whose people may sign in; empty means <see cref="TenantId"/> only.</summary>
    public List<string> AllowedTenantIds { get; set; } = [];

    /// <summary>The tenant's OpenID metadata; overridable so tests can serve keys on loopback.</summary>
    public string? OpenIdMetadataUrl { get; set; }

    /// <summary>Development only: sign in as one of <see cref="LocalPeople"/> from a loopback browser, without Entra.</summary>
    public bool LocalSignIn { get; set; }

    /// <summary>The demo people of the local sign-in.</summary>
    public List<LocalPerson> LocalPeople { get; set; } = [];
}

/// <summary>A demo person for the local sign-in: an id (used as the object id in audit rows), a name, app roles.</summary>
public sealed class LocalPerson
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public List<string> Roles { get; set; } = [];
}

/// <summary>Start-up refuses the local sign-in anywhere but Development (as the bot's local mode is refused).</summary>
public sealed class TabOptionsValidator(IHostEnvironment environment) : IValidateOptions<TabOptions>
{
    public ValidateOptionsResult Validate(string? name, TabOptions options)
    {
        if (options.LocalSignIn && !environment.IsDevelopment())
            return ValidateOptionsResult.Fail($"Tab:LocalSignIn is true in the '{environment.EnvironmentName}' environment; it is allowed only in Development.");
        if (!environment.IsDevelopment() && !string.IsNullOrEmpty(options.ClientId) && string.IsNullOrEmpty(options.ApplicationIdUri))
            return ValidateOptionsResult.Fail("Tab:ApplicationIdUri must be set with Tab:ClientId (api://{host}/{clientId}).");
        return ValidateOptionsResult.Success;
    }
}
