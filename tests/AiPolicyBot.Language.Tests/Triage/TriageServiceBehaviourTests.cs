using AiPolicyBot.Triage;

namespace AiPolicyBot.Language.Tests.Triage;

/// <summary>What the service classifier does with the hard kinds of mail (hand-written here, in neither data set).</summary>
public class TriageServiceBehaviourTests
{
    private static readonly Dictionary<string, string> Bulk = new()
    {
        ["List-Unsubscribe"] = "<https://mail.vendor.example/unsubscribe>",
        ["X-Microsoft-Antispam"] = "BCL:5;",
        ["Precedence"] = "bulk",
    };

    [Fact]
    public void Own_mail_and_delivery_reports_are_other_whatever_they_say()
    {
        var own = ServiceClassifier.Classify("[AIP-2026-0042] We received your breach report", "You reported that pupil names were pasted into ChatGPT.",
            new() { ["X-IA-Job-Id"] = "ack-42" });
        Assert.Equal(TriageCategory.Other, own.Category);
        Assert.Contains("header:own-mail", own.Signals);
        var bounce = ServiceClassifier.Classify("Undeliverable: Can we use Padlet?", "Delivery has failed.\n\nCan we use Padlet with Year 3?",
            new() { ["Content-Type"] = "multipart/report; report-type=delivery-status" }, from: "postmaster@school.example");
        Assert.Equal(TriageCategory.Other, bounce.Category);
    }

    [Fact]
    public void A_supplier_breach_notice_with_bulk_headers_reaches_the_dpo()
    {
        var result = ServiceClassifier.Classify("Important information about your account",
            "We are contacting affected customers about an incident last week in which a fault in our reporting feature showed pupil names and " +
            "assessment comments from your school to users at another school. We have fixed the fault and are investigating.\n\nUnsubscribe: https://x.example/u",
            Bulk, from: "notices@vendor.example");
        Assert.True(TriageClassifier.AlertsDpo(result.Category, result.Signals), string.Join(' ', result.Signals));
    }

    [Fact]
    public void A_breach_buried_in_a_complaint_reaches_the_dpo()
    {
        var result = ServiceClassifier.Classify("Formal complaint - Year 5",
            "I am writing to make a formal complaint about the homework policy, which I think is unfair. While I am writing, I also found out " +
            "that my son's teacher typed his name and his ADHD diagnosis into ChatGPT to write his report. I want to know what you will do about it.",
            from: "parent@home.example");
        // a breach or a possible breach (then the mail keeps its category, complaint): the DPO is alerted either way
        Assert.True(TriageClassifier.AlertsDpo(result.Category, result.Signals), string.Join(' ', result.Signals));
    }

    [Fact]
    public void A_breach_admitted_in_a_thank_you_reply_reaches_the_dpo()
    {
        var result = ServiceClassifier.Classify("Re: [AIP-2026-0131] Your question about Canva",
            "Thanks so much for getting back to me, that all makes sense and I will stick to the approved list from now on.\n\n" +
            "I should own up that before I asked, I had already uploaded the Year 4 reading records to Canva to make the charts, " +
            "with the children's names and their SEN notes on them. Sorry!\n\nHave a lovely weekend,\nPriya\n\n" +
            "On Thu, 12 Nov 2026, Information Assurance wrote:\n> Canva is approved without personal data. Please do not upload pupil information.",
            from: "p.shah@oakfield.example");
        Assert.True(TriageClassifier.AlertsDpo(result.Category, result.Signals), string.Join(' ', result.Signals));
    }

    [Fact]
    public void A_breach_in_a_forwarded_chain_reaches_the_dpo()
    {
        var result = ServiceClassifier.Classify("Fwd: parents evening bookings",
            "See below, not sure who this should go to.\n\n---------- Forwarded message ---------\nFrom: Office <office@brookmere.example>\n" +
            "Subject: parents evening bookings\n\nHi all, the booking summary the new AI scheduler emailed to every parent in 5B this " +
            "morning lists all thirty families with the children's names, their parents' mobile numbers and the notes teachers " +
            "added about each child. Parents have started replying to ask why they can see other families' details.",
            from: "j.okafor@brookmere.example");
        Assert.True(TriageClassifier.AlertsDpo(result.Category, result.Signals), string.Join(' ', result.Signals));
    }

    [Fact]
    public void The_end_to_end_breach_journeys_mail_is_a_breach()
    {
        // the body tests/e2e/06-breach-mail-alerts-dpo.test.js drops in the local inbox
        var result = ServiceClassifier.Classify("Pupil data pasted into ChatGPT, ref 1765000000000",
            "Hello,\r\n\r\nI think I made a mistake this morning: I pasted my Year 8 class list with the pupils' names, dates of birth and\r\n" +
            "SEN notes into ChatGPT to help write report comments. I realise now this was personal data and should not have\r\n" +
            "gone into it. What should I do?\r\n\r\nSam\r\n", from: "Sam Teacher <sam.teacher@oakfield.example>");
        Assert.Equal(TriageCategory.Breach, result.Category);
    }

    [Fact]
    public void Marketing_about_breaches_is_marketing()
    {
        var result = ServiceClassifier.Classify("Is your school ready for a data breach? Free webinar",
            "Join our free 45-minute webinar on UK GDPR, DPIAs and what to do in the first 72 hours after a breach. Book your place today.\n\nUnsubscribe",
            Bulk, from: "events@vendor.example");
        Assert.Equal(TriageCategory.Marketing, result.Category);
        Assert.DoesNotContain(TriageClassifier.PossibleBreachSignal, result.Signals); // talking about breaches is no breach sign
    }

    [Fact]
    public void An_out_of_office_quoting_a_breach_thread_is_other()
    {
        var result = ServiceClassifier.Classify("Automatic reply: Data breach - Year 9 list",
            "I am out of the office until Monday.\n\nOn Tue, 3 Nov 2026, Head wrote:\n> I pasted the Year 9 list into ChatGPT.",
            new() { ["Auto-Submitted"] = "auto-replied" });
        Assert.Equal(TriageCategory.Other, result.Category);
    }
}
