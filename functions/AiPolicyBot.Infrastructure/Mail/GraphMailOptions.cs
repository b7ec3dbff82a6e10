namespace AiPolicyBot.Infrastructure.Mail;

/// <summary>
/// Configuration section "GraphMail". Graph is used only when <see cref="Enabled"/> is true AND <see cref="Mailbox"/>
/// is set; otherwise every email is written as an .eml file into the local outbox folder (<see cref="LocalMailOptions"/>).
/// </summary>
public sealed class GraphMailOptions
{
    public const string Section = "GraphMail";

    /// <summary>Used as To when no mailbox is configured (local .eml files only).</summary>
    public const string LocalFallbackMailbox = "information.assurance@localhost";

    /// <summary>The IA shared mailbox (UPN or id): recipient of every decision mail, and the sender for app-only send.</summary>
    public string? Mailbox { get; set; }

    /// <summary>Master switch, off until the Exchange RBAC grant exists (docs/configuration.md).</summary>
    public bool Enabled { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty = the system-assigned identity.</summary>
    public string? ClientId { get; set; }

    /// <summary>Graph base URL; only tests point it elsewhere (a fake Graph on loopback).</summary>
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>Also mail the IA mailbox when a request is submitted (not only when it is decided).</summary>
    public bool SendOnSubmit { get; set; }

    /// <summary>SDK retries per Graph call (429 always, 503/504 only for GET).</summary>
    public int MaxRetry { get; set; } = 3;

    /// <summary>Base delay in seconds when Graph sends no Retry-After (exponential per attempt).</summary>
    public int RetryDelaySeconds { get; set; } = 2;

    public bool UseGraph => Enabled && !string.IsNullOrWhiteSpace(Mailbox);

    public string Recipient => string.IsNullOrWhiteSpace(Mailbox) ? LocalFallbackMailbox : Mailbox!;
}
