namespace AiPolicyBot.Infrastructure.Storage;

/// <summary>
/// Configuration section <c>Retention</c>: how long each kind of row is kept before the daily purge deletes it
/// (docs/security.md, "Retention"). Measured from the row's last write.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Triage records of inbound mail (sender, subject, category, signals; never the body).</summary>
    public int TriageRecordDays { get; set; } = 180;

    /// <summary>Draft requests made from mail that nobody completed in Teams.</summary>
    public int DraftDays { get; set; } = 30;

    /// <summary>Idempotency claims: they only have to outlive a retried delivery or a repeated click.</summary>
    public int IdempotencyDays { get; set; } = 30;

    /// <summary>Decision and outbox rows: the record of who decided what, kept for six years.</summary>
    public int DecisionDays { get; set; } = 6 * 365;
}
