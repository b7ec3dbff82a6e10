using AiPolicyBot.Triage;

namespace AiPolicyBot.Core.Tests.Triage;

/// <summary>Layer behaviour of the pipeline on hand-written mail (not the dev set).</summary>
public class TriageClassifierTests
{
    private static readonly TriageClassifier Classifier = TriageDevSet.Classifier.Value;

    private static TriageResult Classify(string subject, string body, Dictionary<string, string>? headers = null, string from = "a.teacher@school.example") =>
        Classifier.Classify(new MailToTriage(from, "information.assurance@trust.example", subject, body, headers));

    [Fact]
    public void Own_mail_is_other_and_final_even_when_it_mentions_a_breach()
    {
        var byHeader = Classify("[AIP-2026-0042] Breach alert", "I pasted pupil names into ChatGPT.", new() { ["x-ia-job-id"] = "42" });
        Assert.Equal(TriageCategory.Other, byHeader.Category);
        Assert.Equal(0.99, byHeader.Confidence);
        Assert.Contains("header:own-mail", byHeader.Signals);

        var bySender = Classify("Your request", "Thanks", from: "Information.Assurance@trust.example");
        Assert.Equal(TriageCategory.Other, bySender.Category);
        Assert.Contains("header:own-mail", bySender.Signals);
    }

    [Fact]
    public void Auto_replies_and_delivery_reports_are_other_and_final()
    {
        Assert.Equal(TriageCategory.Other, Classify("Re: complaint", "I am out of the office.", new() { ["AUTO-SUBMITTED"] = "auto-replied" }).Category);
        Assert.Equal(TriageCategory.Other, Classify("Undeliverable: formal complaint", "Delivery failed.").Category);
        Assert.Equal(TriageCategory.Other, Classify("Mail", "x", from: "MAILER-DAEMON@trust.example").Category);
        var report = Classify("Returned", "I wish to make a formal complaint.", new() { ["Content-Type"] = "multipart/report; report-type=delivery-status" });
        Assert.Equal(TriageCategory.Other, report.Category);
        Assert.Contains("header:delivery-report", report.Signals);
    }

    [Fact]
    public void Auto_generated_is_other_unless_a_breach_rule_matches()
    {
        var auto = new Dictionary<string, string> { ["Auto-Submitted"] = "auto-generated" };
        Assert.Equal(TriageCategory.Other, Classify("Ticket received", "We have received your message and will reply soon.", auto).Category);
        var notice = Classify("Security incident notification",
            "We are writing to let you know that we identified unauthorised access to a database containing pupil names.", auto);
        Assert.Equal(TriageCategory.Breach, notice.Category);
        Assert.Contains("rule:breach-incident-notice", notice.Signals);
    }

    [Fact]
    public void Bulk_mail_is_marketing_even_when_it_talks_about_breaches()
    {
        var bulk = new Dictionary<string, string> { ["List-Unsubscribe"] = "<https://news.vendor.example/u>", ["X-Microsoft-Antispam"] = "BCL:5;" };
        var result = Classify("Free webinar: how to avoid a data breach", "A data breach can happen to any school. Book your place.", bulk);
        Assert.Equal(TriageCategory.Marketing, result.Category);
        Assert.Contains("header:bcl=5", result.Signals);
        Assert.Contains("header:list-unsubscribe", result.Signals);
    }

    [Fact]
    public void Breach_outranks_complaint_and_no_later_layer_overrules_it()
    {
        var result = Classify("Formal complaint",
            "I wish to make a formal complaint. My son's teacher pasted his EHCP into ChatGPT without asking us.");
        Assert.Equal(TriageCategory.Breach, result.Category);
        Assert.Equal(0.9, result.Confidence);
        Assert.Contains("rule:breach-pasted-pupil-data", result.Signals);
        Assert.Contains("rule:complaint-formal", result.Signals);
        Assert.DoesNotContain(result.Signals, s => s.StartsWith("ml:"));
    }

    [Fact]
    public void A_question_about_pasting_data_is_not_a_breach()
    {
        var result = Classify("Quick question", "Can I paste pupil names into ChatGPT if I delete the chat afterwards?");
        Assert.NotEqual(TriageCategory.Breach, result.Category);
        Assert.DoesNotContain(result.Signals, s => s.StartsWith("rule:breach"));
    }

    [Fact]
    public void Dissatisfaction_asking_for_redress_is_a_complaint()
    {
        var result = Classify("Report", "I am very unhappy that my daughter's report was written by AI. I expect an apology.");
        Assert.Equal(TriageCategory.Complaint, result.Category);
        Assert.Contains("rule:complaint-dissatisfied", result.Signals);
    }

    [Fact]
    public void Reference_comes_from_the_subject_first_then_the_body()
    {
        var both = Classify("Re: [AIP-2026-0042] Curipod", "About AIP-2026-0099 as well. Thanks!");
        Assert.Equal("AIP-2026-0042", both.Reference);
        Assert.Contains("thread:AIP-2026-0042", both.Signals);
        Assert.Equal("AIP-2026-12345", Classify("Hello", "see AIP-2026-12345 please").Reference);
        Assert.Null(Classify("Hello", "see AIP-26-1234 and XAIP-2026-1234").Reference);
    }

    [Fact]
    public void A_thanks_only_reply_on_a_thread_is_other()
    {
        var result = Classify("Re: AIP-2026-0088 complaint outcome", "Thank you for looking into this.\n\nOn 3 Nov, AiPolicyBot wrote:\n> formal complaint");
        // No rule any more (a thank-you can carry a breach report): the quoted history is context, the model decides.
        Assert.Equal(TriageCategory.Other, result.Category);
        Assert.Contains("zone:quoted", result.Signals);
        Assert.DoesNotContain(result.Signals, s => s.StartsWith("breach:"));
    }

    [Fact]
    public void Statistical_layer_reports_its_score_and_abstains_below_the_threshold()
    {
        var mail = new MailToTriage("x@y.example", null, "Hmm", "zebra quantum");
        var strict = TriageClassifier.Create(new TriageOptions { AbstainThreshold = 1.01 }, DemoRegisterToolNames.All);
        var result = strict.Classify(mail);
        Assert.Equal(TriageCategory.NeedsHuman, result.Category);
        Assert.Contains(result.Signals, s => s.StartsWith("ml:"));
        Assert.InRange(result.Confidence, 0, 1);
    }

    [Fact]
    public void Known_tool_question_and_unknown_tool_request_use_the_gazetteer()
    {
        Assert.Equal(TriageCategory.Question, Classify("Is ChatGPT approved?", "Is ChatGPT on the approved list for planning lessons without pupil information?").Category);
        Assert.Equal(TriageCategory.ToolRequest, Classify("Wordwall AI", "Could we use Wordwall AI for making quizzes with Year 4? What do I need to do to get it approved?").Category);
    }

    [Fact]
    public void Gazetteer_matches_names_ignoring_case_spaces_and_punctuation()
    {
        var g = new ToolGazetteer(["ChatGPT", "Otter.ai", "Microsoft 365 Copilot Chat", "Aila"]);
        Assert.True(g.Mentions("is chat gpt ok?"));
        Assert.True(g.Mentions("We used OTTER AI"));
        Assert.True(g.Mentions("microsoft 365 copilot chat for reports"));
        Assert.False(g.Mentions("is it available?"));   // "aila" inside a word does not count
        Assert.False(ToolGazetteer.Empty.Mentions("ChatGPT"));
    }

    [Fact]
    public void Classification_is_deterministic()
    {
        var a = TriageClassifier.Create(new TriageOptions(), DemoRegisterToolNames.All);
        var mail = new MailToTriage("p@school.example", null, "Trial", "We'd like to pilot Slidewise with Year 8.");
        static string Json(TriageResult r) => System.Text.Json.JsonSerializer.Serialize(r, AiPolicyBot.Common.AiPolicyJson.Options);
        var first = Json(a.Classify(mail));
        var again = Json(a.Classify(mail));                                  // same classifier, second call
        var other = Json(TriageDevSet.Classifier.Value.Classify(mail));      // a classifier trained separately
        Assert.Equal(first, again);
        Assert.Equal(first, other);
        Assert.Equal(((NaiveBayesTriageModel)a.Model).Model.Temperature, ((NaiveBayesTriageModel)TriageDevSet.Classifier.Value.Model).Model.Temperature);
    }

    [Fact]
    public void A_half_megabyte_hostile_body_is_classified_quickly()
    {
        var body = string.Concat(Enumerable.Repeat("pupil pupil pupil names 0770 aaaa@ pasted ", 12_000));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = Classifier.Classify(new MailToTriage("x@y.example", null, "s", body));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.NotNull(result);
    }

    [Fact]
    public void Several_breach_signs_in_the_senders_text_mark_a_possible_breach_whatever_the_model_says_but_not_in_bulk_mail()
    {
        var gazetteer = new ToolGazetteer(DemoRegisterToolNames.All);
        TriageEvidence Read(string body, Dictionary<string, string>? headers = null) =>
            TriageEvidence.Read(new MailToTriage("parent@home.example", null, "Formal complaint", body, headers), new TriageOptions(), gazetteer);
        const string Buried = "I wish to make a formal complaint. The teacher showed me that pupils' full names and their "
                              + "date of birth were visible to every parent on the class page, which was leaked.";

        Assert.True(PossibleBreach.SeveralSigns(Read(Buried)));
        Assert.False(PossibleBreach.SeveralSigns(Read(Buried, new() { ["List-Unsubscribe"] = "<https://x.example/u>", ["Precedence"] = "bulk" })));
        Assert.False(PossibleBreach.SeveralSigns(Read("I wish to make a formal complaint about the personal data you hold.")));

        // A model sure it is a complaint does not stop the DPO alert: the mail stays a complaint (the confident
        // classification) and is marked possible breach, for a person's look.
        var sure = new TriageClassifier(new TriageOptions(), gazetteer, new SureOf(TriageCategory.Complaint));
        var result = sure.Decide(Read(Buried));
        Assert.Equal(TriageCategory.Complaint, result.Category);
        Assert.Contains(TriageClassifier.PossibleBreachSignal, result.Signals);
        Assert.True(TriageClassifier.AlertsDpo(result.Category, result.Signals));
    }

    [Theory]
    [InlineData("Our GDPR and data protection webinar", "Join our webinar on personal data, breach reporting to the ICO and the 72 hours rule.")]
    [InlineData("Subject access request", "Under data protection law I ask for a copy of the personal data you hold about my son.")]
    [InlineData("Question about breaches", "What should staff do if they suspect a breach? Is there a policy on personal data in AI tools?")]
    public void Talking_about_data_protection_is_no_breach_sign(string subject, string body)
    {
        // the model gives breach a little weight, above the with-sign threshold: topic words alone do not make it possible
        var gazetteer = new ToolGazetteer(DemoRegisterToolNames.All);
        var e = TriageEvidence.Read(new MailToTriage("someone@elsewhere.example", null, subject, body), new TriageOptions(), gazetteer);
        Assert.NotEqual(BreachLevel.None, e.Breach.Level); // the detector does see the words
        var leaning = new TriageClassifier(new TriageOptions(), gazetteer, new SureOf(TriageCategory.Other, breach: 0.3));
        var result = leaning.Decide(e);
        Assert.Equal(TriageCategory.Other, result.Category);
        Assert.DoesNotContain(TriageClassifier.PossibleBreachSignal, result.Signals);
        Assert.False(TriageClassifier.AlertsDpo(result.Category, result.Signals));

        // the same weight with a sign that data went somewhere is a possible breach
        var leaked = TriageEvidence.Read(new MailToTriage("someone@elsewhere.example", null, subject, body + " My son's report was leaked."),
            new TriageOptions(), gazetteer);
        Assert.Contains(TriageClassifier.PossibleBreachSignal, leaning.Decide(leaked).Signals);
    }

    [Theory]
    [InlineData(0.05, "complaint", false)] // under the breach threshold: no alert
    [InlineData(0.12, "complaint", true)]  // lower tier: keeps its category, marked possible breach
    [InlineData(0.39, "complaint", true)]
    [InlineData(0.40, "breach", false)]    // upper tier: a complaint that reports a breach is a breach
    [InlineData(0.45, "breach", false)]
    public void The_breach_override_is_tiered(double breach, string expected, bool possible)
    {
        Assert.Equal(0.40, TriageThresholds.UpperBreachTier); // the cases below straddle it
        var gazetteer = new ToolGazetteer(DemoRegisterToolNames.All);
        var e = TriageEvidence.Read(new MailToTriage("parent@home.example", null, "Unhappy", "I am unhappy with how the school answered me."),
            new TriageOptions(), gazetteer);
        var result = new TriageClassifier(new TriageOptions(), gazetteer, new Leaning(TriageCategory.Complaint, breach)).Decide(e);
        Assert.Equal(expected, result.Category.WireName());
        Assert.Equal(possible, result.Signals.Contains(TriageClassifier.PossibleBreachSignal));
        Assert.Equal(breach >= 0.10, TriageClassifier.AlertsDpo(result.Category, result.Signals)); // from the lower tier up, the DPO is alerted
        Assert.Equal(expected == "breach", result.Signals.Contains("breach:model"));
    }

    [Fact]
    public void Breach_on_top_is_a_breach_below_the_upper_tier()
    {
        var gazetteer = new ToolGazetteer(DemoRegisterToolNames.All);
        var e = TriageEvidence.Read(new MailToTriage("parent@home.example", null, "Class page", "Something odd about the class page."),
            new TriageOptions(), gazetteer);
        // breach 0.30 on top, under the upper tier, the complaint next at 0.29
        var result = new TriageClassifier(new TriageOptions(), gazetteer, new Leaning(TriageCategory.Complaint, 0.30, top: 0.29)).Decide(e);
        Assert.Equal(TriageCategory.Breach, result.Category);
    }

    [Fact]
    public void Marketing_from_outside_reaches_the_upper_tier_only_with_a_breach_sign()
    {
        var gazetteer = new ToolGazetteer(DemoRegisterToolNames.All);
        TriageEvidence Read(string from, string body) =>
            TriageEvidence.Read(new MailToTriage(from, null, "Data protection update", body), new TriageOptions(), gazetteer);
        var leaning = new TriageClassifier(new TriageOptions(), gazetteer, new Leaning(TriageCategory.Marketing, 0.45));

        // a newsletter about breaches: marketing, still shown to the DPO as a possible breach
        var newsletter = leaning.Decide(Read("news@vendor.example", "Our new course covers breach reporting and the ICO. Book now."));
        Assert.Equal(TriageCategory.Marketing, newsletter.Category);
        Assert.Contains(TriageClassifier.PossibleBreachSignal, newsletter.Signals);

        // a supplier saying data went somewhere: a breach
        var notice = leaning.Decide(Read("news@vendor.example", "A fault in our portal meant pupil reports were visible to other schools."));
        Assert.Equal(TriageCategory.Breach, notice.Category);

        // marketing-looking mail from inside the trust is no promotion: the upper tier alone decides
        var internalMail = new TriageClassifier(new TriageOptions { TrustDomains = ["trust.example"] }, gazetteer,
            new Leaning(TriageCategory.Marketing, 0.45)).Decide(
            TriageEvidence.Read(new MailToTriage("it@trust.example", null, "Data protection update", "Our new course covers breach reporting. Book now."),
                new TriageOptions { TrustDomains = ["trust.example"] }, gazetteer));
        Assert.Equal(TriageCategory.Breach, internalMail.Category);
    }

    [Fact]
    public void Without_the_upper_tier_any_breach_probability_over_the_threshold_is_a_breach()
    {
        var gazetteer = new ToolGazetteer(DemoRegisterToolNames.All);
        var e = TriageEvidence.Read(new MailToTriage("parent@home.example", null, "Unhappy", "I am unhappy with how the school answered me."),
            new TriageOptions(), gazetteer);
        var single = new TriageClassifier(new TriageOptions(), gazetteer, new Leaning(TriageCategory.Complaint, 0.12, tiered: false)).Decide(e);
        Assert.Equal(TriageCategory.Breach, single.Category);
    }

    [Theory]
    [InlineData(0.90, 0.01, "complaint", false, false)] // under the passage thresholds: the whole-mail model decides (no alert)
    [InlineData(0.97, 0.01, "complaint", true, false)]  // the passage's lower tier: the complaint stays a complaint, marked possible breach
    [InlineData(0.995, 0.01, "breach", false, true)]    // the passage's upper tier: a breach, whatever the rest of the mail says
    [InlineData(0.995, 0.05, "complaint", true, false)] // ... unless the whole mail must lean to breach a little: then a possible breach,
    [InlineData(0.995, 0.05, "complaint", true, false, TriageThresholds.Off)] // even with no lower passage tier of its own
    public void One_strong_passage_alerts_the_DPO_whatever_the_rest_of_the_mail_says(
        double passage, double floor, string expected, bool possible, bool byPassage, double passagePossible = 0.95)
    {
        var gazetteer = new ToolGazetteer(DemoRegisterToolNames.All);
        var e = TriageEvidence.Read(new MailToTriage("parent@home.example", null, "Unhappy", "I am unhappy with how the school answered me."),
            new TriageOptions(), gazetteer);
        // the whole-mail model is sure of a complaint (breach 0.01, under every tier); the passage tier may ask for more
        var result = new TriageClassifier(new TriageOptions(), gazetteer, new Leaning(TriageCategory.Complaint, 0.01, passage: passage, passageFloor: floor, passagePossible: passagePossible)).Decide(e);
        Assert.Equal(expected, result.Category.WireName());
        Assert.Equal(possible, result.Signals.Contains(TriageClassifier.PossibleBreachSignal));
        Assert.Equal(byPassage, result.Signals.Contains("breach:passage"));
        Assert.Equal(passage >= 0.95, TriageClassifier.AlertsDpo(result.Category, result.Signals));
        Assert.Contains(result.Signals, s => s.StartsWith("ml:breach-passage=", StringComparison.Ordinal));
        if (byPassage) Assert.Equal(passage, result.Confidence);
    }

    [Theory]
    [InlineData(0.999, 0.5, "complaint", true)]  // the possible tier's model is sure, the confirming model is not: a possible breach
    [InlineData(0.5, 0.995, "breach", false)]    // the confirming model alone reaches the upper tier: a breach
    public void The_upper_passage_tier_reads_its_own_score_when_the_model_has_one(double passage, double upper, string expected, bool possible)
    {
        var gazetteer = new ToolGazetteer(DemoRegisterToolNames.All);
        var e = TriageEvidence.Read(new MailToTriage("parent@home.example", null, "Unhappy", "I am unhappy with how the school answered me."),
            new TriageOptions(), gazetteer);
        var result = new TriageClassifier(new TriageOptions(), gazetteer, new Leaning(TriageCategory.Complaint, 0.01, passage: passage, upper: upper)).Decide(e);
        Assert.Equal(expected, result.Category.WireName());
        Assert.Equal(possible, result.Signals.Contains(TriageClassifier.PossibleBreachSignal));
        Assert.Contains(result.Signals, s => s.StartsWith("ml:breach-passage-upper=", StringComparison.Ordinal));
    }

    [Fact]
    public void A_strong_passage_in_marketing_from_outside_without_a_breach_sign_is_at_most_a_possible_breach()
    {
        var gazetteer = new ToolGazetteer(DemoRegisterToolNames.All);
        TriageEvidence Read(string body) =>
            TriageEvidence.Read(new MailToTriage("news@vendor.example", null, "Data protection update", body), new TriageOptions(), gazetteer);
        var classifier = new TriageClassifier(new TriageOptions(), gazetteer, new Leaning(TriageCategory.Marketing, 0.01, passage: 0.999));
        var newsletter = classifier.Decide(Read("Our new course covers breach reporting, the ICO and the first 72 hours. Book now."));
        Assert.Equal(TriageCategory.Marketing, newsletter.Category);
        Assert.Contains(TriageClassifier.PossibleBreachSignal, newsletter.Signals);
        var notice = classifier.Decide(Read("A fault in our portal meant pupil reports were visible to other schools."));
        Assert.Equal(TriageCategory.Breach, notice.Category); // "were visible": data went somewhere
    }

    /// <summary>
    /// A model leaning to <paramref name="category"/> with the given breach probability, breach threshold 0.10, run with the
    /// tiers; its strongest breach passage is <paramref name="passage"/>, with passage thresholds 0.99 (breach, with a whole-mail
    /// breach probability of at least <paramref name="passageFloor"/>) and <paramref name="passagePossible"/>; the upper tier
    /// reads <paramref name="upper"/> when given.
    /// </summary>
    private sealed class Leaning(
        TriageCategory category, double breach, double? top = null, bool tiered = true, double passage = 0, double passageFloor = 0, double passagePossible = 0.95,
        double? upper = null) : ITriageModel
    {
        public string Version => "leaning";
        public TriageThresholds Thresholds
        {
            get
            {
                var t = TriageThresholds.Uniform(0.5, 1.01, 1.01) with
                {
                    ConfidentBreachRules = new HashSet<string>(),
                    PassageBreach = 0.99,
                    PassagePossible = passagePossible,
                    PassageBreachFloor = passageFloor,
                };
                t = t with { Accept = new Dictionary<TriageCategory, double>(t.Accept) { [TriageCategory.Breach] = 0.10, [category] = 0.2 } };
                return tiered ? t.Tiered() : t;
            }
        }
        public IReadOnlyDictionary<TriageCategory, double> Predict(TriageEvidence evidence)
        {
            var first = top ?? 1 - breach - 0.05;
            return TriageCategories.Classes.ToDictionary(c => c,
                c => c == category ? first : c == TriageCategory.Breach ? breach : (1 - first - breach) / 5);
        }
        public double BreachPassage(TriageEvidence evidence) => passage;
        public double BreachPassageUpper(TriageEvidence evidence) => upper ?? passage;
    }

    private sealed class SureOf(TriageCategory category, double breach = 0.01 / 6) : ITriageModel
    {
        public string Version => "sure";
        public TriageThresholds Thresholds => TriageThresholds.Uniform(0.5, 0.25, 0.5) with { ConfidentBreachRules = new HashSet<string>() };
        public IReadOnlyDictionary<TriageCategory, double> Predict(TriageEvidence evidence) =>
            TriageCategories.Classes.ToDictionary(c => c, c => c == category ? 1 - breach - 0.005 : c == TriageCategory.Breach ? breach : 0.005 / 5);
        public double BreachPassage(TriageEvidence evidence) => 0;
    }
}
