using System.Security.Cryptography;
using System.Text;

namespace AiPolicyBot.Language.Conversation;

/// <summary>
/// Deterministic splits of the training data and the temperature fit. A row's fold is a hash of its family (its id,
/// or the id of the row it is a variant of), so adding rows never moves the others between folds.
/// </summary>
public static class IntentCalibration
{
    /// <summary>0..folds-1 for a row, stable across runs and machines; a row and its written variants share a fold.</summary>
    public static int Fold(ChatExample row, int folds)
    {
        var key = row.Family;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return (int)(BitConverter.ToUInt32(hash, 0) % (uint)folds);
    }

    /// <summary>
    /// Fits the temperature that minimises the log-loss of out-of-fold predictions (k models, each trained without
    /// one fold and scoring it), over a fixed grid: a handful of values is enough and keeps it deterministic.
    /// </summary>
    public static double FitTemperature(IReadOnlyList<ChatExample> rows, int folds = 5)
    {
        var outOfFold = new List<(IntentScore[] Scores, string Label)>();
        for (var f = 0; f < folds; f++)
        {
            var train = rows.Where(r => Fold(r, folds) != f).ToList();
            var test = rows.Where(r => Fold(r, folds) == f).ToList();
            if (test.Count == 0) continue;
            var model = IntentModel.Train(train);
            outOfFold.AddRange(test.Select(r => (model.Predict(r.Text), r.Intent)));
        }
        double best = 1, bestLoss = double.MaxValue;
        for (var t = 0.3; t <= 3.0001; t += 0.05)
        {
            var loss = outOfFold.Average(x => -Math.Log(Math.Max(1e-9, Rescale(x.Scores, t, x.Label))));
            if (loss < bestLoss - 1e-12) { bestLoss = loss; best = Math.Round(t, 2); }
        }
        return best;
    }

    private static double Rescale(IntentScore[] scores, double t, string label)
    {
        double sum = 0, mine = 0;
        foreach (var s in scores)
        {
            var p = Math.Pow(Math.Max(s.Probability, 1e-12), 1.0 / t);
            sum += p;
            if (s.Intent == label) mine = p;
        }
        return mine / sum;
    }

    /// <summary>SHA-256 of the training file's bytes: the model records it so a stale model fails its test.</summary>
    public static string DataHash(byte[] data) => Convert.ToHexString(SHA256.HashData(data)).ToLowerInvariant();
}
