using AiPolicyBot.Testing;
using AiPolicyBot.Testing.Hostile;
using AiPolicyBot.Triage;
using Xunit.Abstractions;

namespace AiPolicyBot.Core.Tests.Triage;

/// <summary>The breach detector's own model: what it reads of a mail, and that one breach sentence is not diluted by the rest.</summary>
public class BreachPassageTests(ITestOutputHelper output)
{
    private static readonly TriageOptions Options = new();
    private static readonly ToolGazetteer Gazetteer = new(DemoRegisterToolNames.All);

    private static readonly Lazy<BreachPassageModel> Model = new(() =>
    {
        var rows = LabelledMail.EmbeddedTrainingSet();
        var evidence = rows.Select(r => TriageEvidence.Read(r.Mail, Options, Gazetteer)).ToList();
        return BreachPassageModel.FromTables(BreachPassageModel.Count(evidence, rows.Select(r => r.Expected).ToList(), window: 2), window: 2);
    });

    private static TriageEvidence Read(string subject, string body, Dictionary<string, string>? headers = null) =>
        TriageEvidence.Read(new MailToTriage("parent@home.example", null, subject, body, headers), Options, Gazetteer);

    private const string Complaint =
        "I am writing to make a formal complaint about the way the school has handled my son's detentions this term. " +
        "He has been kept back three times for homework that was never set on the homework app. " +
        "When I phoned the office nobody called me back, and the head of year has not answered my two emails. " +
        "I think the behaviour policy is being applied unfairly and I would like a meeting with the headteacher. " +
        "I expect a written reply within the timescales in your complaints policy.";

    [Fact]
    public void The_passages_are_the_subject_and_what_the_sender_wrote_or_forwarded_never_the_quoted_history()
    {
        var forward = Read("Fwd: my complaint",
            "See below, and one more thing. The class list went to the wrong parent.\n\n" +
            "---------- Forwarded message ---------\nFrom: Ann <ann@home.example>\nSubject: the trip\n\nThe trip letter had my address on it.");
        Assert.Equal("Fwd: my complaint.", forward.OwnSentences[0]);
        Assert.Contains("The class list went to the wrong parent.", forward.OwnSentences);
        Assert.Contains("The trip letter had my address on it.", forward.OwnSentences);
        Assert.DoesNotContain(forward.OwnSentences, s => s.StartsWith("From:", StringComparison.Ordinal)); // a forward's header lines are not its text

        var reply = Read("Re: your report", "Thank you, that is all sorted.\n\nKind regards,\nAnn\nPS the minutes went to the wrong parent.\n\n" +
                                            "On Mon, 2 Nov 2026, Office wrote:\n> Quoted words stay out.");
        // the sign-off, where a PS sits, is read too (its lines run on: no full stop or blank line between them)
        Assert.Equal(["Re: your report.", "Thank you, that is all sorted.", "Kind regards, Ann PS the minutes went to the wrong parent."], reply.OwnSentences);
    }

    [Fact]
    public void A_sentence_with_no_full_stop_is_cut_into_pieces_and_only_the_start_of_a_huge_mail_is_read()
    {
        var words = string.Join(' ', Enumerable.Repeat("pupil names typed into an app", 1000)); // 30,000 characters, no full stop
        var sentences = Read("", words).OwnSentences;
        Assert.All(sentences, s => Assert.InRange(s.Length, 1, BreachPassages.MaxSentenceChars));
        Assert.InRange(sentences.Sum(s => s.Length + 1), BreachPassages.MaxChars - 2 * BreachPassages.MaxSentenceChars, BreachPassages.MaxChars + 1);
        Assert.DoesNotContain(sentences, s => s.StartsWith(' ') || s.EndsWith(' '));
    }

    [Fact]
    public void Windows_move_on_one_sentence_at_a_time()
    {
        Assert.Equal(["a. b.", "b. c."], BreachPassages.Windows(["a.", "b.", "c."], 2));
        Assert.Equal(["a. b."], BreachPassages.Windows(["a.", "b."], 3));
        Assert.Equal(["a.", "b."], BreachPassages.Windows(["a.", "b."], 1));
        Assert.Empty(BreachPassages.Windows([], 2));
    }

    [Fact]
    public void A_breach_buried_in_a_long_complaint_scores_as_its_own_sentence_not_as_the_complaint()
    {
        const string breach = "Also, his teacher typed his name and his ADHD diagnosis into ChatGPT to write his report.";
        var buried = Read("Formal complaint", Complaint + " " + breach + " " + Complaint);
        var plain = Read("Formal complaint", Complaint + " " + Complaint);
        var alone = Read("Report", breach);
        var (buriedScore, plainScore, aloneScore) = (Model.Value.Strongest(buried), Model.Value.Strongest(plain), Model.Value.Strongest(alone));
        output.WriteLine($"passage: buried {buriedScore:0.000}, plain {plainScore:0.000}, alone {aloneScore:0.000}");
        Assert.True(buriedScore > 0.9, $"buried {buriedScore:0.000}");
        Assert.True(plainScore < 0.5, $"plain {plainScore:0.000}");
        Assert.True(buriedScore >= aloneScore - 0.05, "the complaint around it takes next to nothing away"); // a window holds the breach and one neighbour

        // The whole-mail model, on the same training mail, is diluted: the complaint outweighs the one sentence.
        var whole = TriageClassifier.Create(Options, DemoRegisterToolNames.All).Model.Predict(buried)[TriageCategory.Breach];
        output.WriteLine($"whole-mail naive Bayes: breach {whole:0.000}");
        Assert.True(whole < buriedScore, $"whole {whole:0.000}");
    }

    [Fact]
    public void Counting_is_deterministic_and_tables_read_back_score_the_same()
    {
        var rows = LabelledMail.EmbeddedTrainingSet().Where((_, i) => i % 3 == 0).ToList();
        var evidence = rows.Select(r => TriageEvidence.Read(r.Mail, Options, Gazetteer)).ToList();
        var labels = rows.Select(r => r.Expected).ToList();
        using var first = new MemoryStream();
        using var second = new MemoryStream();
        NaiveBayesModel.Write(BreachPassageModel.Count(evidence, labels, 2), first);
        NaiveBayesModel.Write(BreachPassageModel.Count(evidence, labels, 2), second);
        Assert.Equal(first.ToArray(), second.ToArray());
        var read = BreachPassageModel.FromTables(NaiveBayesModel.Read(new MemoryStream(first.ToArray())), 2);
        var counted = BreachPassageModel.FromTables(BreachPassageModel.Count(evidence, labels, 2), 2);
        foreach (var e in evidence.Take(40)) Assert.Equal(counted.Strongest(e), read.Strongest(e));
    }

    [Theory]
    [InlineData("blank lines")]
    [InlineData("one long word")]
    [InlineData("pasted pupil names")]
    public void Scoring_the_passages_grows_at_most_linearly_with_the_mails_size(string kind)
    {
        // the split into parts, the sentences and their scores (the rest of the pipeline has its own linearity tests)
        var growth = Linearity.Of(body => Model.Value.Strongest(BreachPassages.Sentences("s", MailStructure.Split("s", body))),
            HostileMailBodies.Of(kind, 128 << 10), HostileMailBodies.Of(kind, 512 << 10));
        output.WriteLine($"{kind}: {growth}");
        Assert.True(growth.IsLinear, $"{kind}: {growth}");
    }
}
