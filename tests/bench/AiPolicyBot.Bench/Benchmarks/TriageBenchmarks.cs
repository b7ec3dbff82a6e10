using AiPolicyBot.Triage;
using BenchmarkDotNet.Attributes;

namespace AiPolicyBot.Bench.Benchmarks;

/// <summary>TriageClassifier.Classify over the triage dev set (one op = one mail, cycling), and training the model.</summary>
public class TriageBenchmarks
{
    private TriageClassifier _classifier = null!;
    private MailToTriage[] _mail = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _classifier = TriageClassifier.Create(new TriageOptions(), DemoRegisterToolNames.All);
        _mail = LabelledMail.ParseLines(File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "fixtures", "triage-dev.jsonl")))
            .Select(m => m.Mail).ToArray();
    }

    [Benchmark]
    public TriageResult Classify() => _classifier.Classify(_mail[_next++ % _mail.Length]);

    /// <summary>What the first triage request pays (the provider trains lazily, off the start-up path).</summary>
    [Benchmark]
    public TriageClassifier Train() => TriageClassifier.Create(new TriageOptions(), DemoRegisterToolNames.All);
}
