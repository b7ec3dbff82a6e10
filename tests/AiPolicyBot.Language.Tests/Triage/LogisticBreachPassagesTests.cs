using AiPolicyBot.Language.Triage;
using AiPolicyBot.Triage;

namespace AiPolicyBot.Language.Tests.Triage;

/// <summary>The logistic breach passage model tried beside naive Bayes (docs/triage-quality.md "What was tried").</summary>
public class LogisticBreachPassagesTests
{
    private static readonly IReadOnlyList<string> Breach =
        ["I pasted the class list with pupils' full names and dates of birth into ChatGPT.", "I know I should not have."];

    private static readonly IReadOnlyList<string> Thanks = ["Thank you for the training session on Tuesday.", "The staff found it useful."];

    [Fact]
    public void Learns_breach_passages_from_whole_mail_labels_and_reads_back_what_it_saved()
    {
        var options = new TriageOptions();
        var gazetteer = new ToolGazetteer(DemoRegisterToolNames.All);
        var rows = TriageTrainingSet.AuthorB();
        var evidence = rows.Select(r => TriageEvidence.Read(r.Mail, options, gazetteer)).ToList();
        var model = LogisticBreachPassages.Train(evidence, rows.Select(r => r.Expected).ToList(), window: 2, withNeighbours: true, l2: 1e-3f);

        Assert.True(model.Strongest(Breach) > model.Strongest(Thanks) + 0.3,
            $"breach {model.Strongest(Breach):0.000}, thanks {model.Strongest(Thanks):0.000}");
        Assert.Equal(0, model.Strongest([]));

        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = LogisticBreachPassages.Load(stream, window: 2, withNeighbours: true);
        Assert.Equal(model.Scores(Breach.Concat(Thanks).ToList()), loaded.Scores(Breach.Concat(Thanks).ToList()));
    }
}
