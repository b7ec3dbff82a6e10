namespace AiPolicyBot.Infrastructure.Audit;

/// <summary>
/// Configuration section "AuditSeal" (docs/spec/audit-verification.md): where the sealed stream heads go. In Azure a
/// blob container with a time-based immutability policy (infra/modules/storage.bicep); with <see cref="File"/> set
/// (Development), an append-only local file instead.
/// </summary>
public sealed class AuditSealOptions
{
    public const string Section = "AuditSeal";

    public string Container { get; set; } = "audit-seal";

    /// <summary>Path of the local append-only seal file; empty = use the blob container.</summary>
    public string File { get; set; } = "";
}
