using AiPolicyBot.Language.Triage;
using AiPolicyBot.Triage;

namespace AiPolicyBot.Language.Tests.Triage;

/// <summary>The classifier the preview endpoint runs, loaded once for the tests, and the dev set.</summary>
public static class ServiceClassifier
{
    public static readonly Lazy<TriageClassifier> Instance = new(() => TriageClassifiers.Service(new TriageOptions(), DemoRegisterToolNames.All));

    public static readonly Lazy<IReadOnlyList<LabelledMail>> Dev = new(() =>
        LabelledMail.ParseLines(File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "fixtures", "triage-dev.jsonl"))));

    public static TriageResult Classify(string subject, string body, Dictionary<string, string>? headers = null, string from = "someone@school.example") =>
        Instance.Value.Classify(new MailToTriage(from, "information.assurance@trust.example", subject, body, headers));
}
