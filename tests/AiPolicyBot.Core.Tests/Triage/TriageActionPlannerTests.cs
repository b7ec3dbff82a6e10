using AiPolicyBot.Mail;
using AiPolicyBot.Testing.Triage;
using AiPolicyBot.Triage;
using AiPolicyBot.Triage.Inbox;

namespace AiPolicyBot.Core.Tests.Triage;

public class TriageActionPlannerTests
{
    private static readonly TriageOptions Options = new() { AppMailbox = "information.assurance@trust.example", AuthServIds = ["mx.trust.example"] };

    private static MailToTriage Mail(string from = "sam@oakfield.example", params (string, string)[] headers) =>
        new(from, null, "subject", "body", headers.ToDictionary(h => h.Item1, h => h.Item2));

    [Theory]
    [InlineData(TriageCategory.Breach, true, false, false, false, false)]
    [InlineData(TriageCategory.ToolRequest, false, true, false, true, false)]
    [InlineData(TriageCategory.Complaint, false, false, true, true, false)]
    [InlineData(TriageCategory.Question, false, false, false, false, true)]
    [InlineData(TriageCategory.Concern, false, false, false, false, false)]
    [InlineData(TriageCategory.Marketing, false, false, false, false, false)]
    [InlineData(TriageCategory.Other, false, false, false, false, false)]
    [InlineData(TriageCategory.NeedsHuman, false, false, false, false, false)]
    public void Routes_per_category(TriageCategory category, bool dpo, bool draft, bool forward, bool ack, bool suggest)
    {
        var plan = TriageActionPlanner.Plan(category, Mail(), Options);
        Assert.Equal((dpo, draft, forward, ack, suggest), (plan.AlertDpo, plan.CreateDraftRequest, plan.ForwardToComplaints, plan.AcknowledgeSender, plan.SuggestAnswer));
        Assert.Equal("AIP: " + category.WireName(), plan.OutlookCategory);
    }

    [Theory]
    [InlineData(TriageCategory.Complaint)]
    [InlineData(TriageCategory.Concern)]
    [InlineData(TriageCategory.Other)]
    [InlineData(TriageCategory.NeedsHuman)]
    public void A_possible_breach_alerts_the_DPO_and_keeps_its_categorys_actions_and_folder(TriageCategory category)
    {
        var plain = TriageActionPlanner.Plan(category, Mail(), Options);
        var possible = TriageActionPlanner.Plan(category, Mail(), Options, possibleBreach: true);
        Assert.False(plain.AlertDpo);
        Assert.True(possible.AlertDpo);
        Assert.Equal(plain with { AlertDpo = true }, possible);
        Assert.Equal("AIP: " + category.WireName(), possible.OutlookCategory);
        // an unverified sender's complaint is held for a person, but the DPO alert is not
        var forged = TriageActionPlanner.Plan(category, Mail("sam@elsewhere.example"), Options, possibleBreach: true);
        Assert.True(forged.AlertDpo);
    }

    public static TheoryData<string, string, string> Automated => new()
    {
        { "sam@oak.example", "Auto-Submitted", "auto-replied" },
        { "sam@oak.example", "Auto-Submitted", "auto-generated" },
        { "sam@oak.example", "Auto-Submitted", "auto-notified" },
        { "sam@oak.example", MailMessage.JobIdHeader, "AIP-2026-0001-decision" },
        { "sam@oak.example", "List-Unsubscribe", "<https://x.example/u>" },
        { "sam@oak.example", "Precedence", "bulk" },
        { "sam@oak.example", "X-Auto-Response-Suppress", "All" },
        { "sam@oak.example", "Return-Path", "<>" },
        { "Information Assurance <information.assurance@trust.example>", "X-Other", "1" },
        { "noreply@vendor.example", "X-Other", "1" },
        { "MAILER-DAEMON@mx.example", "X-Other", "1" },
    };

    [Theory]
    [MemberData(nameof(Automated))]
    public void Never_replies_to_automated_own_or_bulk_mail_whatever_the_category(string from, string header, string value)
    {
        foreach (var category in new[] { TriageCategory.ToolRequest, TriageCategory.Complaint })
        {
            var plan = TriageActionPlanner.Plan(category, Mail(from, (header, value)), Options);
            Assert.True(plan.NoReply);
            Assert.False(plan.AcknowledgeSender);
            Assert.False(plan.CreateDraftRequest);
        }
    }

    [Fact]
    public void Auto_submitted_no_is_a_person_and_gets_a_reply()
    {
        var plan = TriageActionPlanner.Plan(TriageCategory.ToolRequest, Mail("sam@oakfield.example", ("Auto-Submitted", "no")), Options);
        Assert.True(plan.AcknowledgeSender);
        Assert.False(plan.NoReply);
    }

    [Fact]
    public void A_complaint_from_an_automated_sender_is_still_forwarded_but_not_acknowledged()
    {
        var plan = TriageActionPlanner.Plan(TriageCategory.Complaint, Mail("sam@oak.example", ("Auto-Submitted", "auto-generated")), Options);
        Assert.True(plan.ForwardToComplaints);
        Assert.False(plan.AcknowledgeSender);
    }

    [Fact]
    public void Triage_mails_encode_user_text_and_carry_the_loop_guards()
    {
        var record = TriageSamples.Record(TriageCategory.Breach) with
        {
            Subject = "<script>alert(1)</script>\r\nBcc: x@evil.example",
            State = TriageRecordState.Acted,
        };
        var settings = new TriageMailSettings("dpo@trust.example", "complaints@trust.example", _ => "mailbox folder");
        var alert = TriageMailComposer.Compose(TriageMailComposer.IncidentAlertJob(record, DateTimeOffset.UnixEpoch), record, settings);

        Assert.Equal("dpo@trust.example", alert.To);
        Assert.DoesNotContain("<script>", alert.HtmlBody);
        Assert.DoesNotContain('\n', alert.Subject);
        Assert.Equal("triage-" + record.Key + "-dpo", alert.Headers[MailMessage.JobIdHeader]);
        Assert.Equal("All", alert.Headers["X-Auto-Response-Suppress"]);

        var ack = TriageMailComposer.Compose(TriageMailComposer.AcknowledgementJob(record with { Category = TriageCategory.ToolRequest, DraftReference = "AIP-2026-0042" }, DateTimeOffset.UnixEpoch),
            record with { Category = TriageCategory.ToolRequest, DraftReference = "AIP-2026-0042" }, settings);
        Assert.Equal("sam@oak.example", ack.To);
        Assert.StartsWith("[AIP-2026-0042]", ack.Subject);
        Assert.Contains("Teams", ack.TextBody);
        Assert.Equal("AIP-2026-0042", ack.Headers[MailMessage.ReferenceHeader]);
    }

    [Fact]
    public void A_possible_breach_alert_says_triage_is_unsure_and_a_confident_one_does_not()
    {
        var record = TriageSamples.Record(TriageCategory.Breach, key: new string('c', 64)) with
        {
            Subject = "Class list",
            Signals = ["breach:confident"],
            State = TriageRecordState.Acted,
        };
        var possible = record with
        {
            Category = TriageCategory.Complaint,
            Confidence = 0.55,
            Signals = ["ml:complaint=0.55", TriageClassifier.PossibleBreachSignal, "breach:cue:pasted"],
        };
        var settings = new TriageMailSettings("dpo@trust.example", "complaints@trust.example", _ => "mailbox folder");
        MailMessage Alert(TriageRecord r) => TriageMailComposer.Compose(TriageMailComposer.IncidentAlertJob(r, DateTimeOffset.UnixEpoch), r, settings);

        Assert.StartsWith("URGENT data breach reported: ", Alert(record).Subject);
        Assert.DoesNotContain("unsure", Alert(record).TextBody);
        Assert.StartsWith("URGENT possible data breach, unsure, please check: ", Alert(possible).Subject);
        Assert.Contains("not sure", Alert(possible).TextBody);
        Assert.Contains("triaged as complaint", Alert(possible).TextBody);
        Assert.Equal("dpo@trust.example", Alert(possible).To); // the DPO is alerted either way
    }
}

/// <summary>
/// The IA mailbox answers only senders it can trust (docs/security.md): a forged From address gets no
/// acknowledgement, no request number and no draft until a person confirms the triage card.
/// </summary>
public class TriageSenderVerificationTests
{
    private static readonly TriageOptions Options = new() { AppMailbox = "information.assurance@trust.example", AuthServIds = ["mx.trust.example"] };

    private static MailToTriage Mail(string from, string? authenticationResults = null) =>
        new(from, null, "Please approve Padlet " + new string('x', 80), "body",
            authenticationResults is null ? null : new Dictionary<string, string> { ["Authentication-Results"] = authenticationResults });

    public static TheoryData<string, string?> Unverified => new()
    {
        { "ceo@attacker.example", null },                                                     // no results at all
        { "ceo@attacker.example", "spf=fail smtp.mailfrom=attacker.example; dmarc=fail" },   // checks failed
        { "ceo@attacker.example", "spf=pass smtp.mailfrom=attacker.example; dkim=none" },    // SPF alone proves nothing about From
        { "head@oakfield.example", "spf=fail smtp.mailfrom=oakfield.example; dmarc=fail" },  // a forged Trust address
        // Passing results the attacker wrote: no server named, or a server that is not ours.
        { "ceo@attacker.example", "spf=pass smtp.mailfrom=attacker.example; dkim=pass header.d=attacker.example; dmarc=pass header.from=attacker.example" },
        { "ceo@attacker.example", "mx.attacker.example; dmarc=pass header.from=attacker.example" },
        { "ceo@attacker.example", "mx.trust.example.attacker.example; dmarc=pass header.from=attacker.example" },
        { "head@oakfield.example", "mx.attacker.example; dmarc=fail header.from=oakfield.example" },  // anyone's failure holds a reply back
    };

    [Theory]
    [MemberData(nameof(Unverified))]
    public void An_unverified_sender_gets_no_acknowledgement_and_no_draft_until_a_person_confirms(string from, string? auth)
    {
        foreach (var category in new[] { TriageCategory.ToolRequest, TriageCategory.Complaint })
        {
            var plan = TriageActionPlanner.Plan(category, Mail(from, auth), Options);
            Assert.False(plan.AcknowledgeSender);
            Assert.False(plan.CreateDraftRequest);
        }
        // A complaint still reaches the complaints lead: forwarding answers nobody outside.
        Assert.True(TriageActionPlanner.Plan(TriageCategory.Complaint, Mail(from, auth), Options).ForwardToComplaints);
    }

    public static TheoryData<string, string?> Verified => new()
    {
        { "sam@oakfield.example", null },                                                     // a Trust domain, nothing failed
        { "parent@home.example", "mx.trust.example; spf=pass smtp.mailfrom=home.example; dkim=pass header.d=home.example; dmarc=pass header.from=home.example" },
        { "parent@home.example", "MX.Trust.Example 1; dmarc=pass header.from=home.example" },                 // case and a version
    };

    [Theory]
    [MemberData(nameof(Verified))]
    public void A_verified_sender_is_acknowledged_and_a_tool_request_gets_its_draft(string from, string? auth)
    {
        var plan = TriageActionPlanner.Plan(TriageCategory.ToolRequest, Mail(from, auth), Options);
        Assert.True(plan.AcknowledgeSender);
        Assert.True(plan.CreateDraftRequest);
        Assert.True(TriageActionPlanner.Plan(TriageCategory.Complaint, Mail(from, auth), Options).AcknowledgeSender);
    }
}

public class SenderAuthenticationTests
{
    [Theory]
    [InlineData("mx.trust.example; dmarc=pass", "mx.trust.example")]
    [InlineData("  mx.trust.example 1 ; spf=pass", "mx.trust.example")]
    [InlineData("mx.trust.example", "mx.trust.example")]
    [InlineData("spf=pass smtp.mailfrom=a.example; dmarc=pass", null)]
    [InlineData("dmarc=pass", null)]
    [InlineData("(comment) mx.trust.example; dmarc=pass", null)]
    [InlineData("", null)]
    public void The_authserv_id_is_the_first_word_before_the_first_semicolon(string header, string? expected) =>
        Assert.Equal(expected, SenderAuthentication.AuthServId(header));

    [Fact]
    public void With_no_server_configured_no_results_are_ours() =>
        Assert.False(SenderAuthentication.FromOurServer("mx.trust.example; dmarc=pass", new TriageOptions()));
}
