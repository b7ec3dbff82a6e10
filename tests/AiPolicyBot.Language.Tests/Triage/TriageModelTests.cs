using AiPolicyBot.Language.Triage;
using AiPolicyBot.Testing.Hostile;
using AiPolicyBot.Triage;
using Xunit.Abstractions;

namespace AiPolicyBot.Language.Tests.Triage;

/// <summary>The committed ML.NET triage model: current with its data, deterministic, honest about what it held out.</summary>
public class TriageModelTests(ITestOutputHelper output)
{
    [Fact]
    public void The_committed_model_was_trained_on_the_committed_training_mail_with_the_committed_feature_code()
    {
        var model = (MlTriageModel)ServiceClassifier.Instance.Value.Model;
        var training = TriageTrainingSet.All();
        // Else: run tools/triage-training (docs/triage-quality.md "Retraining") and commit the model it writes.
        Assert.Equal(TriageTrainingSet.Fingerprint(training), model.File.TrainingFingerprint);
        Assert.Equal(TriageFeatureCode.Fingerprint(), model.File.FeatureFingerprint);
        Assert.Equal(training.Count, model.File.TrainingRows);
        Assert.Equal(TriageModelSettings.Default, model.File.Settings);
        Assert.True(TriageTrainingSet.AuthorA().Count >= 3000, "author A's mail is embedded");
        Assert.All(TriageTrainingSet.WholeMailAuthors(), rows => Assert.True(rows.Count >= 600));
        Assert.Equal(["A", "B", "C", "D", "E", "F"], TriageTrainingSet.Authors().Select(a => a.Name));
        // committed, measured with --candidates, not trained on (docs/triage-quality.md "Latest round")
        Assert.Equal(["G", "H", "S"], TriageTrainingSet.CandidateAuthors().Select(a => a.Name));
        Assert.Equal(1875, TriageTrainingSet.SpentBlindSets().Count); // author S: the nine spent blind sets, embedded from tests/fixtures
        // the leave-one-author-out figures the retraining gate compares against, one set per author left out
        Assert.NotNull(model.File.CrossAuthor);
        foreach (var author in TriageTrainingSet.Authors())
            Assert.Contains($"to{author.Name}.breachRecall", model.File.CrossAuthor!.Keys);
    }

    /// <summary>The committed training mail as evidence and labels, read once for the tests that count tables from it.</summary>
    private static readonly Lazy<(IReadOnlyList<TriageEvidence> Evidence, IReadOnlyList<TriageCategory> Labels)> Training = new(() =>
    {
        var options = new TriageOptions();
        var gazetteer = new ToolGazetteer(DemoRegisterToolNames.All);
        var training = TriageTrainingSet.All();
        return (training.Select(r => TriageEvidence.Read(r.Mail, options, gazetteer)).ToList(), training.Select(r => r.Expected).ToList());
    });

    [Fact]
    public void The_committed_naive_Bayes_tables_are_those_of_the_committed_training_mail()
    {
        // Stored with the model so loading reads no training mail (docs/triage-quality.md "Cost"); counted again here.
        var (evidence, labels) = Training.Value;
        AssertSameTables(NaiveBayesTriageModel.Count(evidence, labels), StoredTables("triage-model-nb.bin"));
    }

    [Fact]
    public void The_committed_breach_passage_tables_are_those_of_the_committed_training_mail()
    {
        var model = (MlTriageModel)ServiceClassifier.Instance.Value.Model;
        var window = model.File.Settings!.PassageWindow;
        Assert.True(window > 0, "the committed model has a breach passage model");
        var (evidence, labels) = Training.Value;
        AssertSameTables(BreachPassageModel.Count(evidence, labels, window), StoredTables("triage-model-passages.bin"));
        Assert.True(model.Thresholds.PassagePossible < TriageThresholds.Off, "the training step set a passage threshold");
    }

    private static NaiveBayesModel.Tables StoredTables(string file)
    {
        using var stored = typeof(MlTriageModel).Assembly.GetManifestResourceStream(
            typeof(MlTriageModel).Assembly.GetManifestResourceNames().Single(n => n.EndsWith(".Triage.Model." + file, StringComparison.Ordinal)))!;
        return NaiveBayesModel.Read(stored);
    }

    private static void AssertSameTables(NaiveBayesModel.Tables counted, NaiveBayesModel.Tables tables)
    {
        Assert.Equal(counted.Classes, tables.Classes);
        Assert.Equal(counted.Totals, tables.Totals);
        Assert.Equal((counted.Alpha, counted.Temperature), (tables.Alpha, tables.Temperature));
        Assert.Equal(counted.Counts.Count, tables.Counts.Count);
        Assert.All(counted.Counts, kv => Assert.Equal(kv.Value, tables.Counts[kv.Key]));
    }

    [Fact]
    public void Naive_Bayes_tables_written_and_read_back_predict_exactly_as_the_model_they_were_counted_for()
    {
        var options = new TriageOptions();
        var gazetteer = new ToolGazetteer(DemoRegisterToolNames.All);
        var rows = TriageTrainingSet.All().Where((_, i) => i % 10 == 0).ToList();
        var evidence = rows.Select(r => TriageEvidence.Read(r.Mail, options, gazetteer)).ToList();
        var trained = NaiveBayesTriageModel.Train(evidence, rows.Select(r => r.Expected).ToList(), options);
        using var file = new MemoryStream();
        NaiveBayesModel.Write(NaiveBayesTriageModel.Count(evidence, rows.Select(r => r.Expected).ToList()), file);
        var again = new MemoryStream();
        NaiveBayesModel.Write(NaiveBayesModel.Read(new MemoryStream(file.ToArray())), again);
        Assert.Equal(file.ToArray(), again.ToArray()); // the format is stable: the same tables, the same bytes
        var loaded = NaiveBayesTriageModel.FromTables(NaiveBayesModel.Read(new MemoryStream(file.ToArray())), options);
        foreach (var e in ServiceClassifier.Dev.Value.Select(r => TriageEvidence.Read(r.Mail, options, gazetteer)))
            Assert.Equal(trained.Predict(e), loaded.Predict(e));
    }

    [Fact]
    public void The_feature_fingerprint_covers_the_code_that_makes_features()
    {
        var names = typeof(TriageFeatureCode).Assembly.GetManifestResourceNames().Where(n => n.StartsWith("TriageFeatureCode/", StringComparison.Ordinal)).ToList();
        foreach (var file in new[] { "TriageEvidence.cs", "BreachDetector.cs", "BreachPassages.cs", "BreachPassageModel.cs", "MailStructure.cs", "PriorityRules.cs", "TriageFeatures.cs", "TriageModelRow.cs", "TriageNumericFeatures.cs", "TriageModelTrainer.cs" })
            Assert.Contains("TriageFeatureCode/" + file, names);
        Assert.DoesNotContain("TriageFeatureCode/TriageClassifier.cs", names); // the decision is not a feature: changing it needs no retraining
    }

    [Fact]
    public void Ids_are_unique_the_authors_do_not_share_mail_and_the_dev_set_is_not_trained_on()
    {
        var authors = TriageTrainingSet.Authors().Concat(TriageTrainingSet.CandidateAuthors()).ToList();
        List<LabelledMail> all = [.. TriageTrainingSet.All(), .. TriageTrainingSet.CandidateAuthors().SelectMany(a => a.Rows)];
        Assert.Equal(all.Count, all.Select(r => r.Id).Distinct().Count());
        static string Key(LabelledMail m) => (m.Mail.Subject + "\n" + m.Mail.Body).Trim();
        foreach (var (name, rows) in authors)
        {
            var others = authors.Where(a => a.Name != name).SelectMany(a => a.Rows).Select(Key).ToHashSet();
            Assert.DoesNotContain(rows, r => others.Contains(Key(r))); // no mail shared between authors
        }
        var dev = ServiceClassifier.Dev.Value.Select(Key).ToHashSet();
        Assert.DoesNotContain(all, r => dev.Contains(Key(r)));
    }

    [Fact]
    public void Cross_validation_keeps_every_wrapper_of_a_core_message_in_one_group()
    {
        var a = TriageTrainingSet.AuthorA();
        var byCore = a.Where(r => TriageTrainingSet.Core(r) is not null).GroupBy(TriageTrainingSet.Core).First(g => g.Count() > 1);
        Assert.Single(byCore.Select(TriageTrainingSet.Group).Distinct());
        foreach (var whole in TriageTrainingSet.WholeMailAuthors())
            Assert.Equal(whole.Count, whole.Select(TriageTrainingSet.Group).Distinct().Count()); // authors B to H and S wrote whole mails
    }

    [Fact]
    public void Training_is_deterministic()
    {
        var rows = TriageTrainingSet.All().Where((_, i) => i % 12 == 0).ToList(); // small: a test, not the real model
        var trainer = new TriageModelTrainer(new TriageOptions(), DemoRegisterToolNames.All);
        var a = trainer.Train(rows, crossValidate: false).Model;
        var b = trainer.Train(rows, crossValidate: false).Model;
        var evidence = ServiceClassifier.Dev.Value.Take(30).Select(r => ServiceClassifier.Instance.Value.Read(r.Mail)).ToList();
        foreach (var e in evidence)
            Assert.Equal(a.Predict(e).Values, b.Predict(e).Values);
        Assert.Equal(a.File.TrainingFingerprint, b.File.TrainingFingerprint);
    }

    [Fact]
    public void Probabilities_cover_the_seven_classes_and_sum_to_one()
    {
        var e = ServiceClassifier.Instance.Value.Read(new MailToTriage("a@b.example", null, "Padlet", "Can we use Padlet?"));
        var p = ServiceClassifier.Instance.Value.Model.Predict(e);
        Assert.Equal(TriageCategories.Classes.Order(), p.Keys.Order());
        Assert.Equal(1.0, p.Values.Sum(), 6);
    }

    [Fact]
    public void Figures_on_the_dev_set_do_not_fall_below_the_measured_floor()
    {
        // Floors a little under the figures measured when the model was committed (docs/triage-quality.md): a guard
        // against a worse model, not a target. The retraining gate (TriageModelGate) is the real refusal.
        var eval = TriageEvaluation.Run(ServiceClassifier.Instance.Value, ServiceClassifier.Dev.Value);
        output.WriteLine(eval.ToMarkdown());
        Assert.True(eval.PerClass[TriageCategory.Breach].Recall >= 0.95, $"breach recall {eval.PerClass[TriageCategory.Breach].Recall:0.00}");
        Assert.True(eval.MacroF1 >= 0.88, $"macro-F1 {eval.MacroF1:0.00}");
        Assert.True(eval.AbstainRate <= 0.15, $"needsHuman {eval.AbstainRate:P1}");
    }

    [Fact]
    public void The_retraining_gate_refuses_fewer_breaches_found_or_alerted_or_a_real_drop_in_macro_F1()
    {
        var current = new TriageModelGate.Figures(0.90, 0.96, 0.98);
        Assert.Empty(TriageModelGate.Regressions("dev", current, new(0.895, 0.96, 0.98)));  // within tolerance
        Assert.Empty(TriageModelGate.Regressions("dev", current, new(0.93, 1.00, 1.00)));
        Assert.Single(TriageModelGate.Regressions("dev", current, new(0.95, 0.95, 0.98)));  // one breach fewer is category breach: refused
        Assert.Single(TriageModelGate.Regressions("dev", current, new(0.95, 0.97, 0.97)));  // one breach fewer reaches the DPO: refused
        Assert.Single(TriageModelGate.Regressions("blind", current, new(0.88, 0.96, 0.98))); // macro-F1 down 0.02: refused
        // figures recorded under another decision: category breach recall is not compared, DPO alerts are
        var recorded = current with { BreachRecall = null };
        Assert.Empty(TriageModelGate.Regressions("cross-author toA", recorded, new(0.90, 0.90, 0.98)));
        Assert.Single(TriageModelGate.Regressions("cross-author toA", recorded, new(0.90, 0.99, 0.97)));
    }

    [Theory]
    [InlineData("blank lines")]
    [InlineData("<br>")]
    [InlineData("one long word")]
    [InlineData("pasted pupil names")]
    public void Classification_cost_on_the_service_model_grows_linearly_with_the_mails_size(string kind)
    {
        // The 5 MB ≤ 1 s figure is timed in tests/bench ("triage-five-mb", docs/benchmarks.md), not against a wall clock here.
        var classifier = ServiceClassifier.Instance.Value;
        MailToTriage Mail(int bytes) => new("x@outside.example", null, "s", HostileMailBodies.Of(kind, bytes));
        var growth = Linearity.Of(m => classifier.Classify(m), Mail(128 << 10), Mail(512 << 10));
        output.WriteLine($"{kind}: {growth}");
        Assert.True(growth.IsLinear, $"{kind}: {growth}");
    }

    [Fact]
    public void The_linearity_check_tells_a_quadratic_operation_from_a_linear_one()
    {
        static void Quadratic(string s)
        {
            var copies = new List<string>();
            for (var i = 0; i < s.Length; i += 64) copies.Add(s[..i]); // allocates and copies ~n²/128 characters
            GC.KeepAlive(copies);
        }
        static void Linear(string s) => GC.KeepAlive(s.ToUpperInvariant());
        Assert.False(Linearity.Of(Quadratic, new string('a', 16 << 10), new string('a', 64 << 10)).IsLinear);
        Assert.True(Linearity.Of(Linear, new string('a', 256 << 10), new string('a', 1 << 20)).IsLinear);
    }
}
