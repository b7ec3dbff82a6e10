namespace AiPolicyBot.Language.Conversation;

/// <summary>
/// The committed training data and the committed model made from it by <c>tools/IntentTraining</c>, embedded in this
/// assembly. The model is a file, not trained at start-up, because loading it costs a fraction of training it and the
/// first answer after a cold start must be quick (docs/conversation-quality.md). Chat turns load the exported tables
/// (intent-model.bin, no ML.NET); the ML.NET model (intent-model.zip) stays for training, reports and provenance.
/// </summary>
public static class IntentModelFiles
{
    public const string TrainingDataPath = "functions/AiPolicyBot.Language/Conversation/Data/chat-train.jsonl";
    public const string ModelPath = "functions/AiPolicyBot.Language/Conversation/Model/intent-model.zip";
    public const string InfoPath = "functions/AiPolicyBot.Language/Conversation/Model/intent-model.json";
    public const string TablesPath = "functions/AiPolicyBot.Language/Conversation/Model/intent-model.bin";

    private const string Prefix = "AiPolicyBot.Language.Conversation.";

    public static byte[] TrainingDataBytes() => Read(Prefix + "chat-train.jsonl");

    public static IReadOnlyList<ChatExample> TrainingSet() =>
        ChatExample.ParseLines(System.Text.Encoding.UTF8.GetString(TrainingDataBytes()).Split('\n'));

    public static IntentModelInfo Info() => IntentModelInfo.Parse(System.Text.Encoding.UTF8.GetString(Read(Prefix + "intent-model.json")));

    /// <summary>The committed model with its fitted temperature, scored from its exported tables (no ML.NET).</summary>
    public static IntentModel LoadModel() => new(new IntentScorer(Tables()), Info().Temperature);

    public static IntentModelTables Tables()
    {
        using var bin = Open(Prefix + "intent-model.bin");
        return IntentModelTables.Read(bin);
    }

    /// <summary>The tables' payload as committed (the guard compares it with a fresh export).</summary>
    public static byte[] TablesPayload()
    {
        using var bin = Open(Prefix + "intent-model.bin");
        return IntentModelTables.Payload(bin);
    }

    /// <summary>The committed ML.NET model (training, parity tests, the export): loads ML.NET.</summary>
    public static MlIntentModel LoadMlModel()
    {
        using var zip = Open(Prefix + "intent-model.zip");
        return MlIntentModel.Load(zip);
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
