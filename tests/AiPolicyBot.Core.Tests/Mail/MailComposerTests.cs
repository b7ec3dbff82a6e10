using System.Reflection;
using AiPolicyBot.Mail;
using AiPolicyBot.Policy;
using AiPolicyBot.Requests;
using static AiPolicyBot.Testing.Mail.MailSamples;

namespace AiPolicyBot.Core.Tests.Mail;

public sealed class MailComposerTests
{
    [Fact]
    public void Subject_carries_the_reference_tag_the_outcome_and_the_tool()
    {
        var mail = DecisionMailComposer.Compose(Request(), Decisions, "AIP-2026-0042-decision", "ia@trust.example");

        Assert.Equal("[AIP-2026-0042] Decision: approved with conditions - Quizzer", mail.Subject);
        Assert.Equal("ia@trust.example", mail.To);
        Assert.Equal("AIP-2026-0042-decision", mail.Headers[MailMessage.JobIdHeader]);
        Assert.Equal("AIP-2026-0042", mail.Headers[MailMessage.ReferenceHeader]);
    }

    [Theory]
    [InlineData(RequestState.Approved, "approved")]
    [InlineData(RequestState.Rejected, "rejected")]
    [InlineData(RequestState.Expired, "expired without a decision")]
    [InlineData(RequestState.Withdrawn, "withdrawn by the requester")]
    public void Each_final_state_has_its_outcome_in_subject_and_bodies(RequestState state, string outcome)
    {
        var mail = DecisionMailComposer.Compose(Request(state, conditions: []), [], "j", "ia@x");

        Assert.StartsWith($"[AIP-2026-0042] Decision: {outcome} - ", mail.Subject);
        Assert.Contains($"Outcome: <strong>{outcome}</strong>", mail.HtmlBody);
        Assert.Contains($"Outcome: {outcome}", mail.TextBody);
    }

    [Fact]
    public void Every_user_supplied_string_is_html_encoded_in_the_html_body()
    {
        var request = Request(tool: Hostile, purpose: "Marking & feedback <img src=x onerror=alert(1)>");
        var mail = DecisionMailComposer.Compose(request, Decisions, "j", "ia@x");

        Assert.DoesNotContain("<script>", mail.HtmlBody);
        Assert.DoesNotContain("<img", mail.HtmlBody);
        Assert.DoesNotContain("<b>Teacher", mail.HtmlBody);
        Assert.DoesNotContain("<DPIA>", mail.HtmlBody);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Tom &amp; Jerry &quot;AI&quot;", mail.HtmlBody);
        Assert.Contains("Marking &amp; feedback &lt;img src=x onerror=alert(1)&gt;", mail.HtmlBody);
        Assert.Contains("Quiz &amp; Co", mail.HtmlBody);
        Assert.Contains("Alex &lt;b&gt;Teacher&lt;/b&gt;", mail.HtmlBody);
        Assert.Contains("Only with &lt;DPIA&gt; &amp; DPA", mail.HtmlBody);
        // No raw ampersand survives outside an entity.
        Assert.DoesNotMatch(@"&(?![a-z]+;|#\d+;)", mail.HtmlBody);
    }

    [Fact]
    public void The_plain_text_body_shows_user_text_as_typed_and_the_subject_stays_one_line()
    {
        var mail = DecisionMailComposer.Compose(Request(tool: "Evil\r\nBcc: x@y " + Hostile), Decisions, "j", "ia@x");

        Assert.Contains(Hostile, mail.TextBody);
        Assert.DoesNotContain("&lt;", mail.TextBody);
        Assert.DoesNotContain('\n', mail.Subject);
        Assert.DoesNotContain('\r', mail.Subject);
        Assert.Contains("Evil  Bcc: x@y", mail.Subject);
    }

    [Fact]
    public void Bodies_hold_the_request_summary()
    {
        var mail = DecisionMailComposer.Compose(Request(), Decisions, "j", "ia@x");

        foreach (var expected in new[] { "Quizzer", "Quiz &amp; Co", "education enterprise", "oak-primary", "Quizzes", "pupil, special category", "staff and learners" })
            Assert.Contains(expected, mail.HtmlBody);
        foreach (var expected in new[] { "Tool: Quizzer", "Vendor: Quiz & Co", "Edition: education enterprise", "Academy: oak-primary",
                     "Requester: Alex <b>Teacher</b>", "Purpose: Quizzes", "Data categories: pupil, special category", "Users: staff and learners" })
            Assert.Contains(expected, mail.TextBody);
    }

    [Fact]
    public void Approvers_are_listed_with_their_decisions_and_utc_times()
    {
        var mail = DecisionMailComposer.Compose(Request(), Decisions, "j", "ia@x");

        Assert.Contains("CIO: Chris Cio, approved, 2026-11-27 10:30 UTC", mail.TextBody);
        Assert.Contains("DPO: Dana Dpo, approved with conditions, 2026-11-27 11:30 UTC", mail.TextBody);
        Assert.Contains("Comment: Only with <DPIA> & DPA", mail.TextBody);
        Assert.Contains("<strong>DPO</strong>: Dana Dpo, approved with conditions, 2026-11-27 11:30 UTC", mail.HtmlBody);
    }

    [Fact]
    public void Conditions_are_merged_sorted_and_in_plain_english_and_reasons_cite_policy_sections()
    {
        var request = Request() with { AddedConditions = ["Use only in Year 10 & 11"] };
        var mail = DecisionMailComposer.Compose(request, Decisions, "j", "ia@x");

        Assert.Contains("  - " + ConditionDescriptions.Describe(ConditionCodes.DpaRequired) + " (DPA_REQUIRED)", mail.TextBody);
        Assert.Contains("(DPIA_REQUIRED)", mail.TextBody);
        Assert.Contains("(TRAINING_BEFORE_FIRST_USE)", mail.TextBody);
        Assert.Contains("  - Use only in Year 10 & 11\n", mail.TextBody);
        Assert.Contains("Use only in Year 10 &amp; 11", mail.HtmlBody);
        Assert.True(mail.TextBody.IndexOf("(DPA_REQUIRED)", StringComparison.Ordinal) < mail.TextBody.IndexOf("(DPIA_REQUIRED)", StringComparison.Ordinal));
        Assert.Contains("Personal data of pupils would be processed. (policy §4.1, rule R6-DATA)", mail.TextBody);
        Assert.Contains("Outputs inform decisions about individuals. (policy §3.3, rule R7-EFFECT)", mail.TextBody);
        Assert.Contains("(policy &#167;4.1, rule R6-DATA)", mail.HtmlBody); // WebUtility encodes § as a numeric entity
    }

    [Fact]
    public void Without_decision_rows_the_request_summary_decisions_are_used()
    {
        var request = Request(RequestState.Rejected) with { Decisions = [new("CDO", "a-2", "Cam Cdo", DecisionKind.Reject, "No DPA", [], At)] };
        var mail = DecisionMailComposer.Compose(request, [], "j", "ia@x");

        Assert.Contains("CDO: Cam Cdo, rejected, 2026-11-27 10:30 UTC", mail.TextBody);
    }

    [Fact]
    public void The_submitted_mail_names_who_decides_and_encodes_user_text()
    {
        var mail = SubmittedMailComposer.Compose(Request(RequestState.Pending, tool: Hostile), "AIP-2026-0042-submitted", "ia@x");

        Assert.StartsWith("[AIP-2026-0042] New request: ", mail.Subject);
        Assert.Contains("To decide: CIO, CDO, DPO", mail.TextBody);
        Assert.DoesNotContain("<script>", mail.HtmlBody);
        Assert.Contains("&lt;script&gt;", mail.HtmlBody);
        Assert.Contains("(policy §4.1, rule R6-DATA)", mail.TextBody);
        Assert.Equal("AIP-2026-0042-submitted", mail.Headers[MailMessage.JobIdHeader]);
    }

    [Fact]
    public void The_possible_incident_mail_asks_for_a_breach_review_and_shows_only_the_R0_reason()
    {
        var request = Request(RequestState.Pending, tool: Hostile) with
        {
            Outcome = Request().Outcome with
            {
                Conditions = [ConditionCodes.PossibleIncidentReview],
                Reasons = [new RoutingReason("R0-DECLARATION", "3.1", "Data may already have been entered into the tool."),
                           new RoutingReason("R6-DATA", "4.1", "Personal data of pupils would be processed.")],
            },
        };
        var mail = PossibleIncidentMailComposer.Compose(request, "AIP-2026-0042-incident", "ia@x");

        Assert.StartsWith("[AIP-2026-0042] Possible incident: data may already be in ", mail.Subject);
        Assert.Equal("ia@x", mail.To);
        Assert.Contains("data-breach procedure", mail.TextBody);
        Assert.Contains("Data may already have been entered into the tool.", mail.TextBody);
        Assert.DoesNotContain("R6-DATA", mail.TextBody);
        Assert.DoesNotContain("<script>", mail.HtmlBody);
        Assert.Contains("&lt;script&gt;", mail.HtmlBody);
        Assert.Equal("AIP-2026-0042-incident", mail.Headers[MailMessage.JobIdHeader]);
    }

    [Fact]
    public void Request_mails_name_the_academy_when_its_name_is_known_and_fall_back_to_the_id()
    {
        var named = DecisionMailComposer.Compose(Request(), Decisions, "j", "ia@x", academyName: "Oak <Primary>");
        var unnamed = SubmittedMailComposer.Compose(Request(RequestState.Pending), "j", "ia@x");

        Assert.Contains("Oak <Primary>", named.TextBody);
        Assert.Contains("Oak &lt;Primary&gt;", named.HtmlBody);
        Assert.DoesNotContain("oak-primary", named.TextBody);
        Assert.Contains("oak-primary", unnamed.TextBody);
    }

    [Fact]
    public void Every_condition_code_has_a_plain_english_description()
    {
        // Every code constant, not only the closed list (which is the described codes themselves).
        var constants = typeof(ConditionCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Equal(constants.Order(StringComparer.Ordinal), ConditionCodes.All.Order(StringComparer.Ordinal));
        foreach (var code in constants)
        {
            Assert.True(ConditionDescriptions.IsKnown(code), code);
            Assert.NotEqual(code, ConditionDescriptions.Describe(code));
            Assert.EndsWith(".", ConditionDescriptions.Describe(code));
        }
        Assert.Equal("free text", ConditionDescriptions.Describe("free text"));
    }
}
