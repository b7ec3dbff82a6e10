using System.Diagnostics;
using AiPolicyBot.Language.Triage;
using AiPolicyBot.Triage;
using Xunit.Abstractions;

namespace AiPolicyBot.Language.Tests.Triage;

/// <summary>The committed ML.NET triage model: current with its data, deterministic, honest about what it held out.</summary>
public class TriageModelTests(ITestOutputHelper output)
{
    [Fact]
    public void The_committed_model_was_trained_on_the_committed_training_mail_minus_the_held_out_slice()
    {
        var model = (MlTriageModel)ServiceClassifier.Instance.Value.Model;
        var training = TriageTrainingSet.Training();
        Assert.Equal(TriageTrainingSet.Fingerprint(training), model.File.TrainingFingerprint); // else: run tools/triage-training
        Assert.Equal(training.Count, model.File.TrainingRows);
        Assert.True(training.Count >= 3000, $"{training.Count} training rows");
    }

    [Fact]
    public void No_core_message_is_on_both_sides_of_the_held_out_split_and_the_dev_set_is_not_trained_on()
    {
        var all = TriageTrainingSet.All();
        Assert.Equal(all.Count, all.Select(r => r.Id).Distinct().Count());
        var heldOut = TriageTrainingSet.HeldOut();
        Assert.InRange(heldOut.Count, all.Count / 20, all.Count / 5);
        var trainCores = TriageTrainingSet.Training().Select(TriageTrainingSet.Core).Where(c => c is not null).ToHashSet();
        Assert.DoesNotContain(heldOut, r => trainCores.Contains(TriageTrainingSet.Core(r)));
        static string Key(LabelledMail m) => (m.Mail.Subject + "\n" + m.Mail.Body).Trim();
        var dev = ServiceClassifier.Dev.Value.Select(Key).ToHashSet();
        Assert.DoesNotContain(all, r => dev.Contains(Key(r)));
    }

    [Fact]
    public void Training_is_deterministic()
    {
        var rows = TriageTrainingSet.Training().Where((_, i) => i % 12 == 0).ToList(); // small: a test, not the real model
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
    public void Figures_on_the_dev_set_and_the_held_out_slice_do_not_fall_below_the_measured_floor()
    {
        // Floors a little under the figures measured when the model was committed (docs/triage-quality.md): a guard
        // against a worse model, not a target; the targets are in docs/triage-quality.md.
        foreach (var (name, rows) in new[] { ("dev", ServiceClassifier.Dev.Value), ("held-out", TriageTrainingSet.HeldOut()) })
        {
            var eval = TriageEvaluation.Run(ServiceClassifier.Instance.Value, rows);
            output.WriteLine($"## {name}\n{eval.ToMarkdown()}");
            Assert.True(eval.PerClass[TriageCategory.Breach].Recall >= 0.90, $"{name} breach recall {eval.PerClass[TriageCategory.Breach].Recall:0.00}");
            Assert.True(eval.MacroF1 >= 0.85, $"{name} macro-F1 {eval.MacroF1:0.00}");
            Assert.True(eval.AbstainRate <= 0.15, $"{name} needsHuman {eval.AbstainRate:P1}");
        }
    }

    [Fact]
    public void A_five_megabyte_mail_classifies_in_under_a_second_on_the_service_model()
    {
        var classifier = ServiceClassifier.Instance.Value;
        classifier.Classify(new MailToTriage("a@b.example", null, "warm", "up"));
        var bodies = new Dictionary<string, string>
        {
            ["blank lines"] = new string('\n', 5 << 20),
            ["<br>"] = "<html>" + string.Concat(Enumerable.Repeat("<br>", (5 << 20) / 4)),
            ["one word"] = new string('a', 5 << 20),
            ["pasted pupil names"] = string.Concat(Enumerable.Repeat("pasted pupil names ", (5 << 20) / 19)),
        };
        foreach (var (kind, body) in bodies)
        {
            var watch = Stopwatch.StartNew();
            classifier.Classify(new MailToTriage("x@outside.example", null, "s", body));
            output.WriteLine($"5 MB of {kind}: {watch.Elapsed.TotalMilliseconds:F0} ms");
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"{kind}: {watch.Elapsed.TotalMilliseconds:F0} ms");
        }
    }
}
