using System.Diagnostics;
using AiPolicyBot.Language.Conversation;

namespace AiPolicyBot.Tools.IntentTraining;

/// <summary>
/// Development figures that no one voice can flatter (docs/conversation-quality.md): the held-out tenth (by family)
/// and cross-author (train on one author's rows, score the other's). Each model's temperature is fitted on its own
/// training rows only; clarifying below 0.6 as the bot does (MessageUnderstanding.ClarifyBelow).
/// </summary>
internal static class CrossAuthor
{
    private const double ClarifyBelow = 0.6;

    public static void Print(IReadOnlyList<ChatExample> rows)
    {
        Score("held-out tenth", rows.Where(r => IntentCalibration.Fold(r, 10) != 0).ToList(), rows.Where(r => IntentCalibration.Fold(r, 10) == 0).ToList());
        var a = rows.Where(r => r.Writer == "a").ToList();
        var b = rows.Where(r => r.Writer == "b").ToList();
        if (a.Count == 0 || b.Count == 0) return;
        Score("train A, score B", a, b);
        // Author A's written variants restate its hand-written rows; B is scored on A's own hand-written messages.
        Score("train B, score A (hand-written)", b, a.Where(r => r.Source != "variant").ToList());
    }

    private static void Score(string name, List<ChatExample> train, List<ChatExample> test)
    {
        var sw = Stopwatch.StartNew();
        var model = IntentModel.Train(train, IntentCalibration.FitTemperature(train));
        int right = 0, top1 = 0, asked = 0;
        var perIntent = new SortedDictionary<string, (int Labelled, int Right)>(StringComparer.Ordinal);
        foreach (var r in test)
        {
            var scores = model.Predict(r.Text);
            var (ok, clarified) = Tuning.Judge(scores, r.Intent, ClarifyBelow);
            if (ok) right++;
            if (clarified) asked++;
            if (scores[0].Intent == r.Intent) top1++;
            var (l, k) = perIntent.GetValueOrDefault(r.Intent);
            perIntent[r.Intent] = (l + 1, k + (ok ? 1 : 0));
        }
        double Pct(int k) => 100.0 * k / test.Count;
        Console.WriteLine($"{name}: {train.Count} → {test.Count} rows, intent {Pct(right):F1} % (top-1 {Pct(top1):F1} %), clarifications {Pct(asked):F1} %, temperature {model.Temperature} ({sw.Elapsed.TotalSeconds:F0} s)");
        Console.WriteLine("   recall " + string.Join(", ", perIntent.Select(kv => $"{kv.Key} {100.0 * kv.Value.Right / kv.Value.Labelled:F0} %")));
    }
}
