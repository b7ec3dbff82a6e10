using AiPolicyBot.Language.Triage;
using AiPolicyBot.Triage;
using BenchmarkDotNet.Attributes;

namespace AiPolicyBot.Bench.Benchmarks;

/// <summary>
/// The service's triage classifier (committed ML.NET model): Classify over the triage dev set (one op = one mail,
/// cycling), Classify on 5 MB hostile bodies (docs/spec/triage.md "Cost": ≤ 1 s), and loading the model.
/// </summary>
public class TriageBenchmarks
{
    private TriageClassifier _classifier = null!;
    private MailToTriage[] _mail = [];
    private int _next;

    private static readonly MailToTriage BlankLines = new("x@outside.example", null, "Notes", new string('\n', 5 << 20));
    private static readonly MailToTriage BreakTags = new("x@outside.example", null, "Notes", "<html>" + string.Concat(Enumerable.Repeat("<br>", (5 << 20) / 4)));
    private static readonly MailToTriage OneWord = new("x@outside.example", null, "Notes", new string('a', 5 << 20));

    [GlobalSetup]
    public void Setup()
    {
        _classifier = TriageClassifiers.Service(new TriageOptions(), DemoRegisterToolNames.All);
        _mail = LabelledMail.ParseLines(File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "fixtures", "triage-dev.jsonl")))
            .Select(m => m.Mail).ToArray();
    }

    [Benchmark]
    public TriageResult Classify() => _classifier.Classify(_mail[_next++ % _mail.Length]);

    [Benchmark]
    public TriageResult ClassifyFiveMegabytesOfBlankLines() => _classifier.Classify(BlankLines);

    [Benchmark]
    public TriageResult ClassifyFiveMegabytesOfBreakTags() => _classifier.Classify(BreakTags);

    [Benchmark]
    public TriageResult ClassifyFiveMegabyteWord() => _classifier.Classify(OneWord);

    /// <summary>What the first triage request pays (the provider loads the committed model lazily, off the start-up path).</summary>
    [Benchmark]
    public TriageClassifier LoadModel() => TriageClassifiers.Service(new TriageOptions(), DemoRegisterToolNames.All);
}
