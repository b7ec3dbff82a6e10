using AiPolicyBot.Triage;
using Microsoft.ML.Data;

namespace AiPolicyBot.Language.Triage;

/// <summary>
/// One mail as the ML.NET model reads it (docs/spec/triage.md "Model"): three weighted text parts, each featurised
/// on its own so the model learns how much each part counts (the subject, what the sender wrote or forwarded, the
/// quoted history), plus numeric header, structure, rule and personal-data evidence.
/// </summary>
public sealed class TriageModelRow
{
    /// <summary>Characters of each text part the model reads; the start of a part says what it is.</summary>
    public const int MaxPartChars = 4000;

    public string Label { get; set; } = "";

    /// <summary>How much the row counts in training (one over its core message's wrappers, or 1).</summary>
    public float Weight { get; set; } = 1;

    public string Subject { get; set; } = "";

    public string Main { get; set; } = "";

    public string Context { get; set; } = "";

    [VectorType(TriageNumericFeatures.Count)]
    public float[] Numeric { get; set; } = new float[TriageNumericFeatures.Count];

    public static TriageModelRow From(TriageEvidence e, TriageCategory? label = null) => new()
    {
        Label = label?.WireName() ?? "",
        Subject = StripReplyPrefixes(e.Subject),
        Main = Cap(e.Parts.Main),
        Context = Cap(e.Parts.Quoted),
        Numeric = TriageNumericFeatures.Of(e),
    };

    private static string Cap(string s) => s.Length > MaxPartChars ? s[..MaxPartChars] : s;

    /// <summary>"Re: Fwd: RE: x" → "x": whether it is a reply or a forward is a numeric feature of its own.</summary>
    private static string StripReplyPrefixes(string subject)
    {
        var s = subject.Trim();
        for (var guard = 0; guard < 10; guard++)
        {
            var colon = s.IndexOf(':');
            if (colon is < 1 or > 4) break;
            var prefix = s[..colon].Trim().ToLowerInvariant();
            if (prefix is not ("re" or "fw" or "fwd" or "aw" or "sv" or "tr" or "wg")) break;
            s = s[(colon + 1)..].TrimStart();
        }
        return s;
    }
}

/// <summary>The model's output columns: the predicted label and the probability of each class, in key order.</summary>
public sealed class TriageModelOutput
{
    [ColumnName("PredictedLabel")]
    public string PredictedLabel { get; set; } = "";

    public float[] Score { get; set; } = [];
}
