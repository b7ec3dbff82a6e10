using System.Text.RegularExpressions;

namespace AiPolicyBot.Triage;

/// <summary>
/// One keyword/regex cue of layer 4 (docs/spec/triage.md). <paramref name="Decisive"/> rules set the category;
/// the others only add a signal and a feature for the statistical layer. <paramref name="Strong"/> breach cues
/// (a sender reporting its own incident) also overrule bulk-mail headers; <paramref name="Factual"/> cues only count
/// in sentences that state something happened, not in questions or plans ("Can I paste …?", "I'd like to upload …").
/// </summary>
public sealed record PriorityRule(
    string Id, TriageCategory Category, Regex Pattern, bool Decisive = true, bool Factual = true, bool Strong = false);
