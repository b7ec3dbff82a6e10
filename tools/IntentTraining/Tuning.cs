using AiPolicyBot.Language.Conversation;

namespace AiPolicyBot.Tools.IntentTraining;

/// <summary>
/// 5-fold cross-validation on the training data only (never the dev or any evaluation set): intent accuracy, with a
/// clarification counting as right when the labelled intent is among its 2–4 candidates, for a few settings and
/// clarify thresholds. Same rule for candidates as the bot (MessageUnderstanding.Decide): never "other".
/// </summary>
internal static class Tuning
{
    // The first round (L2 1e-4 against character 3/5-grams, word 3-grams, L2 1e-3 and 1e-5) chose L2 1e-5;
    // docs/conversation-quality.md keeps its figures. This round looks around that choice.
    private static readonly IntentModelOptions[] Settings =
    [
        IntentModelOptions.Default,
        IntentModelOptions.Default with { L2 = 1e-6f },
        IntentModelOptions.Default with { Iterations = 120 },
    ];

    public static void Run(IReadOnlyList<ChatExample> rows)
    {
        const int folds = 5;
        foreach (var o in Settings)
        {
            var predictions = new List<(IntentScore[] Scores, string Label)>();
            for (var f = 0; f < folds; f++)
            {
                var model = IntentModel.Train(rows.Where(r => IntentCalibration.Fold(r, folds) != f), 1.0, o);
                predictions.AddRange(rows.Where(r => IntentCalibration.Fold(r, folds) == f).Select(r => (model.Predict(r.Text), r.Intent)));
            }
            var plain = predictions.Count(p => p.Scores[0].Intent == p.Label);
            Console.WriteLine($"{o}: top-1 {100.0 * plain / predictions.Count:F1} %");
            foreach (var t in new[] { 0.5, 0.6, 0.7, 0.8 })
                foreach (var temperature in new[] { 0.6, 1.0 })
                {
                    var (right, clarify) = (0, 0);
                    foreach (var (scores, label) in predictions)
                    {
                        var (ok, asked) = Judge(Rescale(scores, temperature), label, t);
                        if (ok) right++;
                        if (asked) clarify++;
                    }
                    Console.WriteLine($"   clarify below {t} (T={temperature}): intent {100.0 * right / predictions.Count:F1} %, clarifications {100.0 * clarify / predictions.Count:F1} %");
                }
        }
    }

    /// <summary>
    /// As the bot decides (MessageUnderstanding.Decide): the top intent when its probability reaches the threshold or
    /// it is "other"; else a clarification offering 2–4 intents (never "other"), right when the label is among them.
    /// </summary>
    public static (bool Right, bool Clarified) Judge(IntentScore[] s, string label, double threshold)
    {
        var top = s[0];
        if (top.Probability >= threshold || top.Intent == "other") return (top.Intent == label, false);
        var offered = new List<string>();
        foreach (var x in s)
        {
            if (x.Intent == "other") continue;
            if (offered.Count >= 2 && x.Probability < 0.08) break;
            offered.Add(x.Intent);
            if (offered.Count == 4) break;
        }
        return offered.Count < 2 ? (top.Intent == label, false) : (offered.Contains(label), true);
    }

    private static IntentScore[] Rescale(IntentScore[] scores, double t)
    {
        var p = scores.Select(s => Math.Pow(Math.Max(s.Probability, 1e-12), 1.0 / t)).ToArray();
        var sum = p.Sum();
        return scores.Select((s, i) => new IntentScore(s.Intent, p[i] / sum)).OrderByDescending(s => s.Probability).ToArray();
    }
}
