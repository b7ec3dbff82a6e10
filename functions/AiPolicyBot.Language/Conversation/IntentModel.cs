namespace AiPolicyBot.Language.Conversation;

/// <summary>One intent and its calibrated probability.</summary>
public readonly record struct IntentScore(string Intent, double Probability);

/// <summary>
/// The staff-message intent model as a chat turn uses it: the trained model's exported tables scored in plain C#
/// (<see cref="IntentScorer"/>, the same probabilities as ML.NET's), sharpened or softened by a temperature fitted on
/// out-of-fold predictions, so "0.9" means right about nine times in ten (docs/conversation-quality.md). Training
/// (<see cref="Train"/>) uses ML.NET; loading and predicting do not.
/// </summary>
public sealed class IntentModel(IntentScorer scorer, double temperature)
{
    /// <summary>Divides the log-probabilities before renormalising: above 1 softens, below 1 sharpens.</summary>
    public double Temperature { get; } = temperature;

    public IReadOnlyList<string> Labels => scorer.Labels;

    /// <summary>Trains with ML.NET on the examples (deterministic for the same rows in the same order) and exports the tables.</summary>
    public static IntentModel Train(IEnumerable<ChatExample> examples, double temperature = 1.0, IntentModelOptions? options = null)
    {
        var rows = examples as IReadOnlyList<ChatExample> ?? examples.ToList();
        return new IntentModel(new IntentScorer(IntentModelExport.Export(MlIntentModel.Train(rows, options), rows, options)), temperature);
    }

    /// <summary>A copy with another temperature (same weights).</summary>
    public IntentModel WithTemperature(double temperature) => new(scorer, temperature);

    /// <summary>Every intent with its probability, most likely first.</summary>
    public IntentScore[] Predict(string text)
    {
        Span<float> raw = stackalloc float[Labels.Count];
        scorer.Score(IntentText.Prepare(text), raw);
        return Calibrate(raw);
    }

    /// <summary>The temperature applied to probabilities in <see cref="Labels"/> order; most likely first.</summary>
    public IntentScore[] Calibrate(ReadOnlySpan<float> raw)
    {
        Span<double> p = stackalloc double[raw.Length];
        var sum = 0.0;
        for (var i = 0; i < raw.Length; i++)
        {
            p[i] = Math.Pow(Math.Max(raw[i], 1e-12), 1.0 / Temperature);
            sum += p[i];
        }
        var scores = new IntentScore[raw.Length];
        for (var i = 0; i < raw.Length; i++) scores[i] = new IntentScore(Labels[i], p[i] / sum);
        Array.Sort(scores, (a, b) => b.Probability.CompareTo(a.Probability));
        return scores;
    }
}
