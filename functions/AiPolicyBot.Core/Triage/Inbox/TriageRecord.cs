namespace AiPolicyBot.Triage.Inbox;

/// <summary>
/// How far the triage of one mail got. Only forward: Classified → Acted → Done (or Failed). A run that crashed
/// resumes from the stored state; every step is idempotent, so redoing the last one is harmless.
/// </summary>
public enum TriageRecordState
{
    /// <summary>Recorded with its classification; nothing done yet.</summary>
    Classified,
    /// <summary>Alerts, draft request, acknowledgements and the triage card are in place (outbox rows, request row).</summary>
    Acted,
    /// <summary>Tagged and moved out of the inbox (or the .eml file moved to triaged/{category}).</summary>
    Done,
    /// <summary>Gave up after repeated failures; the admins were alerted and a person must look.</summary>
    Failed,
}

/// <summary>
/// The stored result of triaging one mail (Table "TriageRecords", RowKey = <see cref="Key"/>). Metadata and the
/// classification, never the body itself: the subject is stored with personal data redacted, and <see cref="Example"/>
/// keeps only the redacted, capped parts a correction needs to become a labelled example.
/// </summary>
public sealed record TriageRecord
{
    public required string Key { get; init; }
    public required string Source { get; init; }
    /// <summary>Immutable Graph id or local file id (Message-ID / content hash): where the mail is.</summary>
    public required string SourceId { get; init; }
    public string? InternetMessageId { get; init; }
    /// <summary>The sender's address: needed to acknowledge them.</summary>
    public required string FromAddress { get; init; }
    /// <summary>Subject with personal data redacted.</summary>
    public required string Subject { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public required TriageCategory Category { get; init; }
    public required double Confidence { get; init; }
    public IReadOnlyList<string> Signals { get; init; } = [];
    public IReadOnlyList<string> PersonalData { get; init; } = [];
    /// <summary>[AIP-…] reference found in the mail (a reply on a known thread).</summary>
    public string? ThreadReference { get; init; }
    /// <summary>Draft request created for a toolRequest mail (allocated once, stored before the request is created).</summary>
    public string? DraftReference { get; init; }
    /// <summary>Tool found in the register, if any (name as in the register).</summary>
    public string? ToolName { get; init; }
    /// <summary>For questions: the suggested answer a person may send (never sent automatically).</summary>
    public string? SuggestedAnswer { get; init; }
    /// <summary>True when no reply may go to this sender (auto-submitted, our own mail, bulk, marketing).</summary>
    public bool NoReply { get; init; }
    public required TriageRecordState State { get; init; }
    public int Attempts { get; init; }
    /// <summary>Category confirmed or corrected by a person (triage card), null until then.</summary>
    public TriageCategory? ConfirmedCategory { get; init; }
    public string? ConfirmedBy { get; init; }
    /// <summary>What the model needs to learn from a person's correction (redacted); null on records from before it was kept.</summary>
    public TriageExample? Example { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The partition of the outbox rows of this mail's emails (Decisions table): "triage-{key}".</summary>
    public string OutboxReference => OutboxPrefix + Key;

    public const string OutboxPrefix = "triage-";
}
