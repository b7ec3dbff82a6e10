namespace AiPolicyBot.Language.Conversation;

/// <summary>
/// The model's few settings. <see cref="Default"/> is what tools/IntentTraining's "tune" mode chose by 5-fold
/// cross-validation on the training data alone (docs/conversation-quality.md).
/// </summary>
public sealed record IntentModelOptions(int WordNgrams, int CharNgrams, float L2, int Iterations)
{
    public static readonly IntentModelOptions Default = new(WordNgrams: 2, CharNgrams: 4, L2: 1e-5f, Iterations: 60);
}
