namespace AiPolicyBot.Triage;

/// <summary>Configuration section "Triage".</summary>
public sealed class TriageOptions
{
    public const string Section = "Triage";

    /// <summary>The address AiPolicyBot sends from; mail from it is our own (no loops).</summary>
    public string AppMailbox { get; set; } = "information.assurance@trust.example";

    /// <summary>Top statistical score below this → needsHuman.</summary>
    public double AbstainThreshold { get; set; } = 0.5;

    /// <summary>Confidence reported for a priority-rule (layer 4) decision.</summary>
    public double RuleConfidence { get; set; } = 0.9;

    /// <summary>The Data Protection Officer's address: breach alerts go here at once.</summary>
    public string? DpoAddress { get; set; }

    /// <summary>Where complaints are forwarded (policy §3.5: the complaints lead).</summary>
    public string? ComplaintsContact { get; set; }

    /// <summary>Teams channel conversation id for triage cards (IA team); empty = no cards.</summary>
    public string? TeamChannelConversationId { get; set; }
}
