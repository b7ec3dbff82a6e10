using AiPolicyBot.Triage;
using Xunit.Abstractions;

namespace AiPolicyBot.Core.Tests.Triage;

/// <summary>The issue-7 quality bar, measured on the held-out dev set (docs/triage-quality.md).</summary>
public class TriageQualityTests(ITestOutputHelper output)
{
    [Fact]
    public void Dev_set_meets_the_quality_bar()
    {
        var eval = TriageEvaluation.Run(TriageDevSet.Classifier.Value, TriageDevSet.Rows.Value);
        output.WriteLine(eval.ToMarkdown());

        Assert.Equal(140, eval.Items.Count);
        Assert.True(eval.PerClass[TriageCategory.Breach].Recall >= 0.98, $"breach recall {eval.PerClass[TriageCategory.Breach].Recall:0.00}");
        Assert.True(eval.PerClass[TriageCategory.Complaint].Recall >= 0.95, $"complaint recall {eval.PerClass[TriageCategory.Complaint].Recall:0.00}");
        Assert.True(eval.PerClass[TriageCategory.Marketing].Precision >= 0.95, $"marketing precision {eval.PerClass[TriageCategory.Marketing].Precision:0.00}");
        Assert.True(eval.MacroF1 >= 0.90, $"macro-F1 {eval.MacroF1:0.00}");
        Assert.True(eval.AbstainRate <= 0.15, $"abstain {eval.AbstainRate:P1}");
    }

    [Fact]
    public void Hand_written_mail_outside_the_dev_set_is_classified_too()
    {
        // 28 mails written after the rules were tuned, never used to tune (docs/triage-quality.md).
        var rows = LabelledMail.ParseLines(File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Triage", "triage-unseen.jsonl")));
        var eval = TriageEvaluation.Run(TriageDevSet.Classifier.Value, rows);
        output.WriteLine(eval.ToMarkdown());
        Assert.Equal(1.0, eval.PerClass[TriageCategory.Breach].Recall);
        Assert.True(eval.MacroF1 >= 0.85, $"macro-F1 {eval.MacroF1:0.00}");
    }

    [Theory]
    [InlineData("The class photo with everyone's full names went up on our public Facebook page last night.")]
    [InlineData("A colleague's laptop with unencrypted SEN files was stolen from her car.")]
    [InlineData("Our chatbot supplier says pupil chats were visible to other schools for two days.")]
    [InlineData("I typed the names of my reading group into an AI story app to personalise their stories.")]
    public void Breach_wording_without_the_word_breach_still_pages_the_DPO(string body)
    {
        var result = TriageDevSet.Classifier.Value.Classify(new MailToTriage("t@school.example", null, "Hello", body));
        Assert.Equal(TriageCategory.Breach, result.Category);
    }

    [Fact]
    public void Personal_data_and_reference_match_every_dev_row_tag()
    {
        var wrong = new List<string>();
        foreach (var row in TriageDevSet.Rows.Value)
        {
            var result = TriageDevSet.Classifier.Value.Classify(row.Mail);
            var expectedPii = TriageDevSet.ExpectedPersonalData(row);
            if (!expectedPii.SequenceEqual(result.PersonalData))
                wrong.Add($"{row.Id} personalData [{string.Join(",", result.PersonalData)}] expected [{string.Join(",", expectedPii)}]");
            if (TriageDevSet.ExpectedReference(row) != result.Reference)
                wrong.Add($"{row.Id} reference {result.Reference ?? "null"} expected {TriageDevSet.ExpectedReference(row) ?? "null"}");
        }
        foreach (var w in wrong) output.WriteLine(w);
        Assert.Empty(wrong);
    }

    [Fact]
    public void The_training_set_shares_no_row_with_the_dev_set()
    {
        static string Key(LabelledMail m) => (m.Mail.Subject + "\n" + m.Mail.Body).Trim();
        var dev = TriageDevSet.Rows.Value.Select(Key).ToHashSet();
        var train = LabelledMail.EmbeddedTrainingSet();
        Assert.True(train.Count >= 300);
        Assert.DoesNotContain(train, t => dev.Contains(Key(t)));
    }
}
