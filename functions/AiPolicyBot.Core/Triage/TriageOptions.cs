namespace AiPolicyBot.Triage;

/// <summary>Configuration section "Triage".</summary>
public sealed class TriageOptions
{
    public const string Section = "Triage";

    /// <summary>The address AiPolicyBot sends from; mail from it is our own (no loops).</summary>
    public string AppMailbox { get; set; } = "information.assurance@trust.example";

    /// <summary>
    /// The authserv-ids of the Trust's own receiving mail servers (the first word of the Authentication-Results they
    /// write, e.g. "mx1.trust.example"). Only their results can verify an outside sender; none configured → only
    /// senders in <see cref="TrustDomains"/> are answered (docs/security.md, "Mail").
    /// </summary>
    public string[] AuthServIds { get; set; } = [];

    /// <summary>
    /// How long one mail may take to classify and act on before it is set aside (a poison record and an alert) and the
    /// round moves on to the next mail (docs/triage-inbox.md).
    /// </summary>
    public TimeSpan MailBudget { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Top statistical score below this → needsHuman (the naive Bayes fallback model; a trained model carries its own per-class thresholds).</summary>
    public double AbstainThreshold { get; set; } = 0.5;

    /// <summary>
    /// The Trust's and its academies' mail domains (subdomains included): mail from them is internal, a feature of
    /// the model. Configuration adds to these defaults, the demo Trust's domains under the reserved .example name
    /// (RFC 2606), which no real mail can come from.
    /// </summary>
    public string[] TrustDomains { get; set; } =
    [
        "trust.example", "oakfield.example", "brookmere.example", "hillcrest.example", "riverside.example",
        "st-aidans.example", "kingsmoor.example",
    ];

    /// <summary>Confidence reported for a priority-rule (layer 4) decision.</summary>
    public double RuleConfidence { get; set; } = 0.9;

    /// <summary>The Data Protection Officer's address: breach alerts go here at once.</summary>
    public string? DpoAddress { get; set; }

    /// <summary>Where complaints are forwarded (policy §3.5: the complaints lead).</summary>
    public string? ComplaintsContact { get; set; }

    /// <summary>Teams channel conversation id for triage cards (IA team); empty = no cards.</summary>
    public string? TeamChannelConversationId { get; set; }
}
