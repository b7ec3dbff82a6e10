using AiPolicyBot.Triage;

namespace AiPolicyBot.Core.Tests.Triage;

/// <summary>The breach detector runs on every mail whatever its headers, and tells confident from possible.</summary>
public class BreachDetectorTests
{
    private static readonly Dictionary<string, string> Bulk = new()
    {
        ["List-Unsubscribe"] = "<https://vendor.example/u>",
        ["X-Microsoft-Antispam"] = "BCL:6;",
        ["Precedence"] = "bulk",
    };

    private static TriageEvidence Read(string subject, string body, Dictionary<string, string>? headers = null) =>
        TriageDevSet.Classifier.Value.Read(new MailToTriage("someone@vendor.example", null, subject, body, headers));

    [Fact]
    public void A_supplier_breach_notice_with_bulk_headers_is_a_confident_breach()
    {
        var e = Read("Important: security incident affecting your school",
            "We are writing to tell you that we identified unauthorised access to a database holding pupil names and dates of birth. Unsubscribe here.", Bulk);
        Assert.Equal(BreachLevel.Confident, e.Breach.Level);
        var result = TriageDevSet.Classifier.Value.Decide(e);
        Assert.Equal(TriageCategory.Breach, result.Category);
        Assert.Contains("breach:confident", result.Signals);
        Assert.Contains("header:list-unsubscribe", result.Signals);
    }

    [Fact]
    public void A_breach_buried_in_a_complaint_is_a_confident_breach()
    {
        var e = Read("Formal complaint about Year 6",
            "I wish to make a formal complaint about how my son's class is taught. I am also very unhappy that his teacher uploaded his EHCP to ChatGPT to write his targets. I expect a written apology.");
        Assert.Equal(BreachLevel.Confident, e.Breach.Level);
        Assert.Equal(TriageCategory.Breach, TriageDevSet.Classifier.Value.Decide(e).Category);
    }

    [Fact]
    public void A_breach_only_in_the_quoted_history_is_possible_not_confident()
    {
        var e = Read("Re: our call", "Thanks, speak Monday.\n\nOn Tue, 3 Nov 2026, Head <head@school.example> wrote:\n> I pasted the class list into ChatGPT by mistake.");
        Assert.Equal(BreachLevel.Possible, e.Breach.Level);
        Assert.Contains("quoted:breach-pasted-pupil-data", e.Breach.Cues);
    }

    [Fact]
    public void Marketing_that_talks_about_breaches_is_at_most_possible()
    {
        var e = Read("Webinar: is your school one data breach away from the headlines?",
            "Join our free webinar on avoiding a data breach. Book your place today.", Bulk);
        Assert.NotEqual(BreachLevel.Confident, e.Breach.Level);
        Assert.Contains("cue:breach", e.Breach.Cues);
    }

    [Fact]
    public void Ordinary_mail_has_no_breach_finding()
    {
        var e = Read("Padlet", "Can we use Padlet with Year 3 for a display?");
        Assert.Equal(BreachLevel.None, e.Breach.Level);
        Assert.Empty(e.Breach.Cues);
    }

    [Fact]
    public void A_possible_breach_keeps_its_category_and_is_marked_for_a_look()
    {
        // a model that gives breach some weight but not the top score: the detector's cue makes it a possible breach
        var model = new Scores(new Dictionary<TriageCategory, double>
        {
            [TriageCategory.Breach] = 0.3,
            [TriageCategory.Complaint] = 0.5,
            [TriageCategory.Concern] = 0.2,
            [TriageCategory.ToolRequest] = 0,
            [TriageCategory.Question] = 0,
            [TriageCategory.Marketing] = 0,
            [TriageCategory.Other] = 0,
        });
        var classifier = TriageClassifier.Create(new TriageOptions(), DemoRegisterToolNames.All, model);
        var withCue = classifier.Classify(new MailToTriage("p@home.example", null, "Unhappy", "I think my daughter's data was exposed and I am unhappy."));
        Assert.Equal(TriageCategory.Complaint, withCue.Category); // the confident classification
        Assert.Equal(0.5, withCue.Confidence);
        Assert.Contains("breach:possible", withCue.Signals);
        Assert.Contains("breach:cue:exposed", withCue.Signals);
        Assert.True(TriageClassifier.AlertsDpo(withCue.Category, withCue.Signals));
        var withoutCue = classifier.Classify(new MailToTriage("p@home.example", null, "Unhappy", "I am unhappy with the homework policy."));
        Assert.Equal(TriageCategory.Complaint, withoutCue.Category);
        Assert.DoesNotContain("breach:possible", withoutCue.Signals);
    }

    private sealed class Scores(IReadOnlyDictionary<TriageCategory, double> scores) : ITriageModel
    {
        public string Version => "test";
        public TriageThresholds Thresholds { get; } = TriageThresholds.Uniform(0.45, possibleWithCue: 0.25, possible: 0.6);
        public IReadOnlyDictionary<TriageCategory, double> Predict(TriageEvidence evidence) => scores;
        public double BreachPassage(TriageEvidence evidence) => 0;
    }
}
