using AiPolicyBot.Testing.Hostile;
using AiPolicyBot.Triage;

namespace AiPolicyBot.Core.Tests.Triage;

/// <summary>Splitting a body into new text, forwarded part, quoted history, signature and disclaimer, in linear time.</summary>
public class MailStructureTests
{
    [Fact]
    public void A_reply_keeps_the_new_text_and_moves_the_history_to_quoted()
    {
        var parts = MailStructure.Split("Re: [AIP-2026-0042] Curipod",
            "Thanks, that's clear.\n\nOn Tue, 3 Nov 2026 at 10:02, IA Team <ia@trust.example> wrote:\n> I pasted pupil names into ChatGPT\n> yesterday.");
        Assert.Equal("Thanks, that's clear.", parts.NewText);
        Assert.Contains("I pasted pupil names into ChatGPT", parts.Quoted);
        Assert.DoesNotContain("pasted", parts.NewText);
        Assert.False(parts.HasForward);
    }

    [Fact]
    public void An_on_wrote_line_wrapped_over_two_lines_still_starts_the_history()
    {
        var parts = MailStructure.Split("Re: x", "Agreed.\n\nOn Mon, 2 Nov 2026 at 09:00, A Very Long Name <a.very.long.name@school.example>\nwrote:\n> old text");
        Assert.Equal("Agreed.", parts.NewText);
        Assert.Equal("old text", parts.Quoted);
    }

    [Fact]
    public void An_outlook_header_block_starts_the_history_and_in_a_forward_it_is_the_forwarded_part()
    {
        const string body = "Please see below.\n\nFrom: Supplier <alerts@vendor.example>\nSent: 03 November 2026 09:12\nTo: Head <head@school.example>\nSubject: Security incident\n\nWe identified unauthorised access to pupil records.";
        var reply = MailStructure.Split("RE: Security incident", body);
        Assert.Equal("Please see below.", reply.NewText);
        Assert.Contains("unauthorised access", reply.Quoted);

        var forward = MailStructure.Split("FW: Security incident", body);
        Assert.Equal("Please see below.", forward.NewText);
        Assert.Contains("unauthorised access", forward.Forwarded);
        Assert.Contains("Subject: Security incident", forward.Forwarded);
        Assert.DoesNotContain("Sent:", forward.Forwarded);
        Assert.Contains("unauthorised access", forward.Main);
    }

    [Fact]
    public void Gmail_forward_markers_start_the_forwarded_part_whatever_the_subject()
    {
        var parts = MailStructure.Split("incident", "FYI\n\n---------- Forwarded message ---------\nFrom: x@y.example\nDate: Mon\n\nWe lost a laptop with SEN files.");
        Assert.Equal("FYI", parts.NewText);
        Assert.Contains("We lost a laptop", parts.Forwarded);
    }

    [Fact]
    public void Sign_offs_signatures_device_lines_and_disclaimers_leave_the_new_text()
    {
        var parts = MailStructure.Split("Question", "Can I use Gemini for planning?\n\nKind regards,\nJo Bloggs\nHead of Maths\n0121 496 0000\n\n" +
            "This email and any attachments are confidential and intended solely for the addressee.\nIf you have received this email in error please tell us.");
        Assert.Equal("Can I use Gemini for planning?", parts.NewText);
        Assert.Contains("Jo Bloggs", parts.Signature);
        Assert.Contains("intended solely", parts.Disclaimer);

        var mobile = MailStructure.Split("x", "is padlet ok for y3\n\nSent from my iPhone");
        Assert.Equal("is padlet ok for y3", mobile.NewText);
    }

    [Fact]
    public void Text_after_a_thanks_line_stays_new_text_when_it_goes_on()
    {
        var longLine = "I also need to tell you that yesterday I uploaded the whole Year 9 SEN register into a free AI summariser site to save time.";
        var parts = MailStructure.Split("x", "Hi,\nThanks!\n" + longLine);
        Assert.Contains("uploaded the whole Year 9 SEN register", parts.NewText + parts.Signature);
        var signOff = MailStructure.Split("x", "Quick note.\n\nThanks,\n" + longLine);
        Assert.Contains("uploaded the whole Year 9 SEN register", signOff.NewText);
    }

    [Fact]
    public void Html_only_mail_becomes_plain_lines()
    {
        var parts = MailStructure.Split("x", "<html><head><style>p{color:red}</style></head><body><p>Dear team,</p><p>I sent the report to the <b>wrong</b>&nbsp;parent.</p><br><br><br><div>Thanks</div></body></html>");
        Assert.True(parts.WasHtml);
        Assert.Equal("Dear team,\n\nI sent the report to the wrong parent.", parts.NewText);
        Assert.DoesNotContain("color", parts.All);
    }

    [Fact]
    public void Plain_text_with_angle_brackets_is_not_read_as_html()
    {
        var parts = MailStructure.Split("x", "Marks < 40 and > 20 <j.smith@school.example> please");
        Assert.False(parts.WasHtml);
        Assert.Equal("Marks < 40 and > 20 <j.smith@school.example> please", parts.NewText);
    }

    [Fact]
    public void Sentences_break_at_stops_blank_lines_and_bullets()
    {
        Assert.Equal(["One.", "Two?", "Three and", "- four", "five six"], TextZones.Sentences("One.  Two?\tThree\nand\n - four\n\n\n five \n six"));
        Assert.Empty(TextZones.Sentences("\n\n\n   \n"));
    }

    public static TheoryData<string> BodyKinds => new(HostileMailBodies.Kinds);

    [Theory]
    [MemberData(nameof(BodyKinds))]
    public void Classification_cost_grows_linearly_with_the_mails_size(string kind)
    {
        // Not timed against a budget here (the 5 MB ≤ 1 s figure is tests/bench "triage-five-mb", docs/benchmarks.md):
        // a body four times larger costs at most Linearity.MaxGrowth times more, in allocations and in best time.
        var classifier = TriageDevSet.Classifier.Value;
        MailToTriage Mail(int bytes) => new("someone@outside.example", null, "Notes " + kind, HostileMailBodies.Of(kind, bytes));
        var growth = Linearity.Of(m => classifier.Classify(m), Mail(128 << 10), Mail(512 << 10));
        Assert.True(growth.IsLinear, $"{kind}: {growth}");
    }

    [Fact]
    public void Split_text_is_capped()
    {
        var parts = MailStructure.Split("x", new string('a', 200_000) + " end");
        Assert.True(parts.Truncated);
        Assert.True(parts.All.Length <= MailStructure.MaxTextChars);
    }
}
