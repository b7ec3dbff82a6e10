namespace AiPolicyBot.Triage;

/// <summary>How sure the breach detector is on its own, before the model is asked (docs/spec/triage.md "Breach").</summary>
public enum BreachLevel
{
    /// <summary>No breach wording anywhere in the mail.</summary>
    None,

    /// <summary>Breach words or a rule in a weak place (quoted history, bulk mail, a cue word): the model decides between "possible breach" and the rest.</summary>
    Possible,

    /// <summary>A breach rule fired on what the sender wrote or forwarded: breach, whatever the model says.</summary>
    Confident,
}

/// <summary>The breach detector's verdict and the evidence behind it (signals prefixed "breach:").</summary>
public sealed record BreachFinding(BreachLevel Level, IReadOnlyList<string> Cues)
{
    public static BreachFinding None { get; } = new(BreachLevel.None, []);

    /// <summary>Breach rules that fired on the sender's own or forwarded text.</summary>
    public IEnumerable<string> OwnRuleIds => Cues.Where(c => c.StartsWith("rule:", StringComparison.Ordinal)).Select(c => c["rule:".Length..]);
}
