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
}
