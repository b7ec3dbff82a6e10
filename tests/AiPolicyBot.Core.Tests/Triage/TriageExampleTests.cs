using AiPolicyBot.Triage;
using AiPolicyBot.Triage.Inbox;

namespace AiPolicyBot.Core.Tests.Triage;

/// <summary>The labelled example kept for a correction: the zones the model reads, redacted, capped, and nothing more.</summary>
public class TriageExampleTests
{
    private static readonly MailToTriage Mail = new(
        "Sam Teacher <sam.teacher@oak.academy.example>", "information.assurance@trust.example",
        "Class list pasted, call me on 07700 900123",
        "Hi, I pasted my Year 8 list into ChatGPT. Email me at sam.teacher@oak.academy.example.\n\n"
        + "On Mon, 1 Dec 2026, IA wrote:\n> Thanks for your earlier question.\n> Call 07700 900456 any time.\n",
        new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = "<https://vendor.example/u?who=sam.teacher@oak.academy.example>",
            ["Precedence"] = "bulk",
            ["Received"] = "from mail.oak.academy.example by mx.trust.example",
            ["X-Private"] = "keep out",
        });

    [Fact]
    public void Keeps_the_zones_redacted_the_sender_domain_and_only_the_headers_triage_reads()
    {
        var example = TriageExample.From(Mail);

        Assert.Equal("oak.academy.example", example.SenderDomain);
        Assert.Contains("pasted my Year 8 list into ChatGPT", example.NewText);
        Assert.Contains("Thanks for your earlier question", example.Quoted);
        foreach (var part in new[] { example.Subject, example.NewText, example.Quoted })
        {
            Assert.DoesNotContain("sam.teacher@", part);
            Assert.DoesNotContain("07700", part);
        }
        Assert.Equal(["List-Unsubscribe", "Precedence"], example.Headers.Keys.Order());
        Assert.DoesNotContain("sam.teacher", example.Headers["List-Unsubscribe"]);
    }

    [Fact]
    public void Parts_are_capped_so_a_huge_mail_stays_a_small_row()
    {
        var example = TriageExample.From(new MailToTriage("a@b.example", null, "s", new string('x', 100_000)));
        Assert.True(example.NewText.Length <= TriageExample.MaxPartChars, $"{example.NewText.Length} characters");
    }

    [Fact]
    public void A_correction_with_its_example_is_a_training_row_that_reads_back_as_the_same_zones()
    {
        var example = TriageExample.From(Mail);
        var correction = new TriageCorrection(new string('d', 64), TriageCategory.Concern, TriageCategory.Breach, 0.4,
            ["ml:concern=0.40"], "aad-officer", DateTimeOffset.UnixEpoch, example);

        var row = LabelledMail.Parse(correction.ToJsonLine()!);

        Assert.Equal(TriageCategory.Breach, row.Expected);
        Assert.DoesNotContain("aad-officer", correction.ToJsonLine());
        var parts = MailStructure.Split(row.Mail.Subject, row.Mail.Body);
        Assert.Equal(example.NewText.Trim(), parts.Main.Trim());
        Assert.Contains("Thanks for your earlier question", parts.Quoted);
        Assert.True(HeaderFacts.Read(row.Mail, new TriageOptions()).ListUnsubscribe);
        Assert.Null(new TriageCorrection("k", TriageCategory.Other, TriageCategory.Other, 1, [], "x", DateTimeOffset.UnixEpoch).ToJsonLine());
    }

    [Fact]
    public void The_export_gives_reviewable_training_rows_in_record_order_without_the_person()
    {
        var example = TriageExample.From(Mail);
        TriageCorrection C(char key, TriageCategory suggested, TriageCategory confirmed, TriageExample? e) =>
            new(new string(key, 64), suggested, confirmed, 0.5, ["ml:concern=0.50"], "aad-officer-" + key, DateTimeOffset.UnixEpoch, e);
        var stored = new[]
        {
            C('f', TriageCategory.Concern, TriageCategory.Breach, example),
            C('a', TriageCategory.Question, TriageCategory.Question, example), // a confirmation: a labelled example too
            C('c', TriageCategory.Other, TriageCategory.Complaint, null),      // stored before examples were kept
        };

        var (lines, withoutExample) = TriageCorrectionExport.ToJsonLines(stored);
        Assert.Equal(1, withoutExample);
        var rows = LabelledMail.ParseLines(lines); // what the training command reads (TriageTrainingSet.Corrections)
        Assert.Equal(["correction-aaaaaaaaaaaaaaaa", "correction-ffffffffffffffff"], rows.Select(r => r.Id));
        Assert.Equal([TriageCategory.Question, TriageCategory.Breach], rows.Select(r => r.Expected));
        Assert.Contains("suggested concern", rows[1].Notes);
        Assert.All(lines, l => Assert.DoesNotContain("aad-officer", l));
        Assert.All(lines, l => Assert.DoesNotContain("sam.teacher", l)); // the sender's domain only, redacted text

        var (changed, _) = TriageCorrectionExport.ToJsonLines(stored, onlyChanged: true);
        Assert.Equal(["correction-ffffffffffffffff"], LabelledMail.ParseLines(changed).Select(r => r.Id));
    }
}
