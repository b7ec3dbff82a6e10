namespace AiPolicyBot.Approvals;

/// <summary>Configuration section "TeamsApp": the app's ids in Teams (docs/configuration.md, docs/deploy.md).</summary>
public sealed class TeamsAppOptions
{
    public const string Section = "TeamsApp";

    /// <summary>The manifest id (TEAMS_APP_ID): deep links to the app's chat and register tab use it.</summary>
    public string? AppId { get; set; }

    /// <summary>
    /// The app's id in the tenant app catalog (Teams admin centre, or GET appCatalogs/teamsApps?$filter=externalId eq
    /// '{AppId}'): installing the bot for a person through Graph needs it. Empty: never install, use the fallbacks.
    /// </summary>
    public string? CatalogAppId { get; set; }
}

/// <summary>Teams deep links into the app (docs/mail.md): its chat, where cards live, and the register tab.</summary>
public static class TeamsLinks
{
    public const string ChatEntity = "conversations";
    public const string RegisterEntity = "aiToolsRegister";

    /// <summary>Opens the app's chat in Teams (where the request's card is; "pending approvals" shows it again).</summary>
    public static string? Chat(TeamsAppOptions o, string reference) => Entity(o, ChatEntity, reference);

    public static string? Register(TeamsAppOptions o) => Entity(o, RegisterEntity, null);

    private static string? Entity(TeamsAppOptions o, string entity, string? reference) =>
        o.AppId is { Length: > 0 } app && Guid.TryParse(app, out var id)
            ? $"https://teams.microsoft.com/l/entity/{id}/{entity}" + (reference is null ? "" : "?label=" + Uri.EscapeDataString(reference))
            : null;
}
