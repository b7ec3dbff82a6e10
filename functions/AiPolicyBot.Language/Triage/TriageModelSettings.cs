namespace AiPolicyBot.Language.Triage;

/// <summary>
/// How the triage model is built (docs/spec/triage.md "Model"), recorded in the model file so a loaded model is
/// rebuilt the way it was trained. Chosen by cross-author figures (docs/triage-quality.md), never by a reported set.
/// </summary>
/// <param name="WordNgrams">Longest word n-gram of the subject and the sender's text.</param>
/// <param name="MainChars">Character n-gram length on the sender's text (0: none; character n-grams learn an author's habits).</param>
/// <param name="L2">The maximum-entropy trainer's L2 regularisation.</param>
/// <param name="WeighByGroup">Weigh each row by one over the number of rows built from the same core message.</param>
/// <param name="NaiveBayesWeight">Share of the naive Bayes layer's probabilities blended into the model's (0: none).</param>
/// <param name="PassageWindow">Sentences per passage of the breach passage model (<see cref="BreachPassageModel"/>; 0: no passage model).</param>
/// <param name="AlertRecallWeight">
/// How much the threshold search weighs breaches the DPO is not alerted to (below 99 % of them), against false alarms
/// and the other goals (<see cref="TriageModelTrainer"/>).
/// </param>
/// <param name="PassageKind">Which model scores the passages (<see cref="BreachPassageKind"/>).</param>
/// <param name="PassageL2">The logistic passage model's L2 regularisation.</param>
/// <param name="PassageNeighbours">The logistic passage model also reads the sentence either side of a window, as features of their own.</param>
/// <param name="WideFloor">The threshold search may ask the whole-mail breach probability to reach up to 0.5 for the passage's upper tier (else 0.2).</param>
public sealed record TriageModelSettings(
    int WordNgrams, int MainChars, float L2, bool WeighByGroup, double NaiveBayesWeight, int PassageWindow = 0, double AlertRecallWeight = 10,
    BreachPassageKind PassageKind = BreachPassageKind.NaiveBayes, float PassageL2 = 1e-3f, bool PassageNeighbours = false, bool WideFloor = false)
{
    /// <summary>What the committed model uses.</summary>
    public static readonly TriageModelSettings Default = new(WordNgrams: 2, MainChars: 0, L2: 1e-2f, WeighByGroup: true, NaiveBayesWeight: 0.5, PassageWindow: 2, AlertRecallWeight: 20);

    /// <summary>Phase A's model: character 4-grams, light regularisation, every wrapper counted in full.</summary>
    public static readonly TriageModelSettings PhaseA = new(WordNgrams: 2, MainChars: 4, L2: 1e-4f, WeighByGroup: false, NaiveBayesWeight: 0);

    /// <summary>Named variants the training tool can compare (<c>--variant NAME</c>).</summary>
    public static readonly IReadOnlyDictionary<string, TriageModelSettings> Variants = new Dictionary<string, TriageModelSettings>
    {
        ["default"] = Default,
        ["no-passages"] = Default with { PassageWindow = 0 },
        ["passages-1"] = Default with { PassageWindow = 1 },
        ["alerts-10"] = Default with { AlertRecallWeight = 10 },
        ["alerts-40"] = Default with { AlertRecallWeight = 40 },
        ["passages-logistic"] = Default with { PassageKind = BreachPassageKind.Logistic },
        ["passages-logistic-neighbours"] = Default with { PassageKind = BreachPassageKind.Logistic, PassageNeighbours = true },
        ["passages-both"] = Default with { PassageKind = BreachPassageKind.Both },
        ["passages-both-neighbours"] = Default with { PassageKind = BreachPassageKind.Both, PassageNeighbours = true },
        ["passages-upper-logistic"] = Default with { PassageKind = BreachPassageKind.UpperLogistic },
        ["passages-upper-both"] = Default with { PassageKind = BreachPassageKind.UpperBoth },
        ["passages-upper-both-neighbours"] = Default with { PassageKind = BreachPassageKind.UpperBoth, PassageNeighbours = true },
        ["passages-wide-floor"] = Default with { WideFloor = true },
        ["phase-a"] = PhaseA,
        ["words"] = new(2, 0, 1e-4f, false, 0),
        ["words-l2"] = new(2, 0, 1e-2f, false, 0),
        ["words-l2-weighed"] = new(2, 0, 1e-2f, true, 0),
        ["words-l2-weighed-nb"] = new(2, 0, 1e-2f, true, 0.5),
        ["words-weighed"] = new(2, 0, 1e-4f, true, 0),
        ["words-l2m-weighed"] = new(2, 0, 1e-3f, true, 0),
        ["blend-l2m"] = new(2, 0, 1e-3f, true, 0.5),
        ["blend-weak"] = new(2, 0, 1e-4f, true, 0.5),
        ["blend-chars"] = new(2, 4, 1e-4f, true, 0.5),
        ["blend-nb70"] = new(2, 0, 1e-2f, true, 0.7),
        ["blend-unweighed"] = new(2, 0, 1e-2f, false, 0.5),
        ["nb-only"] = new(2, 0, 1e-2f, true, 1.0),
    };
}

/// <summary>Which model scores the breach passages (docs/triage-quality.md "What was tried").</summary>
public enum BreachPassageKind
{
    /// <summary>Naive Bayes (<see cref="BreachPassageModel"/>).</summary>
    NaiveBayes,

    /// <summary>Logistic regression (<see cref="LogisticBreachPassages"/>).</summary>
    Logistic,

    /// <summary>Per window, the geometric mean of the two: a window must look like a breach to both.</summary>
    Both,

    /// <summary>Naive Bayes for the possible tier; logistic regression for the upper tier (category breach).</summary>
    UpperLogistic,

    /// <summary>Naive Bayes for the possible tier; the geometric mean of the two (<see cref="Both"/>) for the upper tier.</summary>
    UpperBoth,
}
