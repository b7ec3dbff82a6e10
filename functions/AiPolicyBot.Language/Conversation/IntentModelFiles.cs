namespace AiPolicyBot.Language.Conversation;

/// <summary>
/// The committed training data and the committed model made from it by <c>tools/IntentTraining</c>, embedded in this
/// assembly. The model is a file, not trained at start-up, because loading it costs a fraction of training it and the
/// first answer after a cold start must be quick (docs/conversation-quality.md).
/// </summary>
public static class IntentModelFiles
{
    public const string TrainingDataPath = "functions/AiPolicyBot.Language/Conversation/Data/chat-train.jsonl";
    public const string ModelPath = "functions/AiPolicyBot.Language/Conversation/Model/intent-model.zip";
    public const string InfoPath = "functions/AiPolicyBot.Language/Conversation/Model/intent-model.json";

    private const string Prefix = "AiPolicyBot.Language.Conversation.";

    public static byte[] TrainingDataBytes() => Read(Prefix + "chat-train.jsonl");

    public static IReadOnlyList<ChatExample> TrainingSet() =>
        ChatExample.ParseLines(System.Text.Encoding.UTF8.GetString(TrainingDataBytes()).Split('\n'));

    public static IntentModelInfo Info() => IntentModelInfo.Parse(System.Text.Encoding.UTF8.GetString(Read(Prefix + "intent-model.json")));

    /// <summary>The committed model with its fitted temperature.</summary>
    public static IntentModel LoadModel()
    {
        var info = Info();
        using var zip = Open(Prefix + "intent-model.zip");
        return IntentModel.Load(zip, info.Temperature);
    }

    private static Stream Open(string name) =>
        LanguageAssembly.Instance.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Missing embedded resource {name}");

    private static byte[] Read(string name)
    {
        using var s = Open(name);
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }
}
