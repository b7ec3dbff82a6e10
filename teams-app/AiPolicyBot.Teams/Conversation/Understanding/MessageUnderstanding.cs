using System.Text.RegularExpressions;
using AiPolicyBot.Academies;
using AiPolicyBot.Language.Conversation;
using AiPolicyBot.Register;
using Microsoft.Extensions.Options;

using static AiPolicyBot.Teams.Conversation.Understanding.MessagePatterns;

namespace AiPolicyBot.Teams.Conversation.Understanding;

/// <summary>
/// Understands one staff message, the same way for the bot, the preview endpoint and the scoring tool: the trained
/// intent model for the intent, with no rule beside it (an empty message is the help card; commands typed on their
/// own are the model's too, CommandUnderstandingTests), <see cref="ToolResolver"/> for the tool,
/// <see cref="HintExtractor"/> and <see cref="AcademyMentions"/> for what narrows the answer. When the model is not
/// sure (<see cref="ClarifyBelow"/>) the intent is <see cref="Intent.Clarify"/> with the likely intents as candidates.
/// Pure and in memory: no I/O after the model has loaded; a message seen before against the same register snapshot is
/// answered from <see cref="UnderstoodMessageCache"/>.
/// </summary>
public sealed partial class MessageUnderstanding(IntentModelProvider model, ToolResolver tools, IOptionsMonitor<AcademyOptions> academies)
{
    /// <summary>Below this calibrated probability the bot asks rather than guesses (chosen on held-out training folds).</summary>
    public const double ClarifyBelow = 0.6;

    /// <summary>An intent is offered as a button only from this probability.</summary>
    public const double MinCandidate = 0.08;

    private readonly UnderstoodMessageCache _understood = new();
    private Func<string?, RegisterSnapshot, AcademyOptions, UnderstoodMessage>? _understandNow; // one delegate, not one per turn

    public UnderstoodMessage Understand(string? text, RegisterSnapshot register) =>
        _understood.GetOrAdd(text, register, academies.CurrentValue, _understandNow ??= UnderstandNow);

    private UnderstoodMessage UnderstandNow(string? text, RegisterSnapshot register, AcademyOptions academyOptions)
    {
        var t = Normalise(text);
        var hints = HintExtractor.Extract(t);
        var resolved = tools.Resolve(t, register);
        var academy = AcademyMentions.Find(t, academyOptions);

        Intent intent;
        double confidence = 1;
        IReadOnlyList<Intent> candidates = [];
        if (t.Length == 0) intent = Intent.Help;
        else (intent, confidence, candidates) = Decide(model.Predict(t));

        var tool = resolved.Entry;
        var unknown = resolved.UnknownName;
        // A help or list question names no tool.
        if (intent is Intent.Help or Intent.ListApproved) (tool, unknown) = (null, null);
        return new UnderstoodMessage(intent, tool, unknown, hints, t) { Confidence = confidence, Candidates = candidates, Academy = academy };
    }

    /// <summary>The top intent when sure enough; otherwise clarify with 2–4 candidates (never "other").</summary>
    public static (Intent Intent, double Confidence, IReadOnlyList<Intent> Candidates) Decide(IntentScore[] scores)
    {
        var top = scores[0];
        var topIntent = IntentNames.FromLabel(top.Intent) ?? Intent.Other;
        if (top.Probability >= ClarifyBelow || topIntent == Intent.Other) return (topIntent, top.Probability, []);
        var offered = new List<Intent>();
        foreach (var s in scores)
        {
            if (IntentNames.FromLabel(s.Intent) is not { } i || i is Intent.Other or Intent.Clarify) continue;
            if (offered.Count >= 2 && s.Probability < MinCandidate) break;
            offered.Add(i);
            if (offered.Count == 4) break;
        }
        return offered.Count >= 2 ? (Intent.Clarify, top.Probability, offered) : (topIntent, top.Probability, []);
    }

    // Typographic apostrophes as typed ones, runs of white space as one space, and no more than the conversation reads.
    private static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var t = text.Length > MaxUnderstoodLength ? text[..MaxUnderstoodLength] : text;
        return WhiteSpace.Replace(t.Replace('’', '\'').Replace('‘', '\''), " ").Trim();
    }

    [GeneratedRegex(@"\s+", RegexOptions.None, TimeoutMs)]
    private static partial Regex WhiteSpace { get; }
}
