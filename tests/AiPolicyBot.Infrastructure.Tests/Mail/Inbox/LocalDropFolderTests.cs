using AiPolicyBot.Mail;
using AiPolicyBot.Triage;
using AiPolicyBot.Triage.Inbox;
using MimeKit;

namespace AiPolicyBot.Infrastructure.Tests.Mail.Inbox;

/// <summary>The local inbox: .eml files in {root}/inbox, triaged once, moved per category; triage mails as .eml files.</summary>
public class LocalDropFolderTests
{
    public static string Eml(string from, string subject, string body, string? messageId = null, params (string Name, string Value)[] headers)
    {
        var m = new MimeMessage();
        m.From.Add(MailboxAddress.Parse(from));
        m.To.Add(MailboxAddress.Parse("information.assurance@trust.example"));
        m.Subject = subject;
        m.MessageId = messageId ?? MimeKit.Utils.MimeUtils.GenerateMessageId("sender.example");
        m.Date = DateTimeOffset.UtcNow;
        foreach (var (name, value) in headers) m.Headers.Add(name, value);
        m.Body = new TextPart("plain") { Text = body };
        using var s = new MemoryStream();
        m.WriteTo(s);
        return System.Text.Encoding.UTF8.GetString(s.ToArray());
    }

    private static async Task DropAsync(string root, string name, string content)
    {
        Directory.CreateDirectory(Path.Combine(root, "inbox"));
        var path = Path.Combine(root, "inbox", name);
        await File.WriteAllTextAsync(path, content);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(-5)); // settled
    }

    [Fact]
    public async Task A_pupil_data_breach_eml_is_filed_under_breach_and_the_DPO_alert_is_written_to_the_local_outbox()
    {
        var root = Path.Combine(Path.GetTempPath(), "aipolicybot-drop-" + Guid.NewGuid().ToString("N"));
        await using var bed = InboxTestBed.WithLocalFolder(root);
        await DropAsync(root, "breach.eml", Eml("Sam Teacher <sam.teacher@oak.academy.example>", InboxSamples.Breach.Subject, InboxSamples.Breach.Body));

        Assert.Equal(1, await bed.NewDropFolder().RunAsync(default));
        await bed.DrainOutboxAsync();

        Assert.Empty(Directory.GetFiles(Path.Combine(root, "inbox")));
        Assert.True(File.Exists(Path.Combine(root, "triaged", "breach", "breach.eml")));
        var alertFile = Assert.Single(Directory.GetFiles(Path.Combine(root, "outbox"), "*-dpo.eml"));
        var alert = await MimeMessage.LoadAsync(alertFile);
        Assert.Equal(InboxTestBed.Dpo, alert.To.Mailboxes.Single().Address);
        Assert.Matches("^URGENT (data breach reported|possible data breach, unsure, please check): ", alert.Subject);
        Assert.Contains("sam.teacher@oak.academy.example", alert.TextBody);
        Assert.NotNull(alert.Headers[MailMessage.JobIdHeader]);
        Assert.Single(Directory.GetFiles(Path.Combine(root, "outbox"))); // nothing to the sender for a breach
    }

    [Fact]
    public async Task An_html_mail_of_unclosed_tags_is_triaged_and_does_not_hold_the_folder()
    {
        var root = Path.Combine(Path.GetTempPath(), "aipolicybot-drop-" + Guid.NewGuid().ToString("N"));
        await using var bed = InboxTestBed.WithLocalFolder(root);
        var html = new MimeMessage();
        html.From.Add(MailboxAddress.Parse("sam.teacher@oak.academy.example"));
        html.Subject = "Tags";
        html.MessageId = "tags-1@oak.example";
        html.Body = new TextPart("html") { Text = "<p>Hello</p>" + new string('<', 100_000) };
        using (var s = new MemoryStream())
        {
            html.WriteTo(s);
            await DropAsync(root, "a-tags.eml", System.Text.Encoding.UTF8.GetString(s.ToArray()));
        }

        await DropAsync(root, "b-request.eml", Eml("sam.teacher@oak.academy.example", InboxSamples.Request.Subject, InboxSamples.Request.Body));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(2, await bed.NewDropFolder().RunAsync(default));
        Assert.Empty(Directory.GetFiles(Path.Combine(root, "inbox")));
        Assert.True(File.Exists(Path.Combine(root, "triaged", "toolRequest", "b-request.eml")));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task The_same_mail_dropped_twice_is_triaged_once_and_unreadable_files_are_set_aside()
    {
        var root = Path.Combine(Path.GetTempPath(), "aipolicybot-drop-" + Guid.NewGuid().ToString("N"));
        await using var bed = InboxTestBed.WithLocalFolder(root);
        var request = Eml("sam.teacher@oak.academy.example", InboxSamples.Request.Subject, InboxSamples.Request.Body, "<req-1@oak.example>");
        await DropAsync(root, "a.eml", request);
        await DropAsync(root, "garbage.eml", "");
        var drop = bed.NewDropFolder();
        await drop.RunAsync(default);
        await DropAsync(root, "a-again.eml", request); // same Message-ID
        await drop.RunAsync(default);
        await bed.DrainOutboxAsync();

        Assert.True(File.Exists(Path.Combine(root, "triaged", "toolRequest", "a.eml")));
        Assert.True(File.Exists(Path.Combine(root, "triaged", "toolRequest", "a-again.eml")));
        Assert.True(File.Exists(Path.Combine(root, "triaged", "unreadable", "garbage.eml")));
        var record = (await bed.RecordAsync("local", "req-1@oak.example"))!.Value;
        Assert.Equal(TriageRecordState.Done, record.State);
        Assert.Equal(TriageCategory.ToolRequest, record.Category);
        Assert.Single(bed.Notifier.Calls);
        var ack = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(Path.Combine(root, "outbox"))));
        Assert.Equal("sam.teacher@oak.academy.example", ack.To.Mailboxes.Single().Address);
        Assert.Contains($"[{record.DraftReference}]", ack.Subject);
        Assert.DoesNotContain("Year 5 class", record.Subject + string.Join("", record.Signals)); // no body stored
        Assert.Equal(1, bed.Classifications); // the replay was answered from its record: it cost no classification
    }

    [Fact]
    public async Task A_mail_that_overruns_its_budget_between_good_ones_is_set_aside_and_the_others_are_triaged_in_the_same_run()
    {
        var root = Path.Combine(Path.GetTempPath(), "aipolicybot-drop-" + Guid.NewGuid().ToString("N"));
        await using var bed = InboxTestBed.WithLocalFolder(root);
        bed.Options.MailBudget = TimeSpan.FromSeconds(5);
        bed.ClassifyDelay = n => n == 2 ? TimeSpan.FromSeconds(60) : TimeSpan.Zero; // b-slow.eml is the second
        await DropAsync(root, "a-request.eml", Eml("sam.teacher@oak.academy.example", InboxSamples.Request.Subject, InboxSamples.Request.Body));
        await DropAsync(root, "b-slow.eml", Eml("sam.teacher@oak.academy.example", "Notes", "Which AI tools may I use?", "<slow-1@oak.example>"));
        await DropAsync(root, "c-breach.eml", Eml("sam.teacher@oak.academy.example", InboxSamples.Breach.Subject, InboxSamples.Breach.Body));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(3, await bed.NewDropFolder().RunAsync(default));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(40), $"the run waited {watch.Elapsed} for the slow mail");

        Assert.True(File.Exists(Path.Combine(root, "triaged", "toolRequest", "a-request.eml")));
        Assert.True(File.Exists(Path.Combine(root, "triaged", "breach", "c-breach.eml")));
        Assert.True(File.Exists(Path.Combine(root, "triaged", "failed", "b-slow.eml")));
        var poison = (await bed.RecordAsync("local", "slow-1@oak.example"))!.Value;
        Assert.Equal(TriageRecordState.Failed, poison.State);
        Assert.Single(await bed.Mail.Alerts.ListAsync(default), a => a.Kind == "TriageFailed");

        // Dropped again, it is answered from its poison record: no classification, no second alert.
        await DropAsync(root, "b-slow-again.eml", Eml("sam.teacher@oak.academy.example", "Notes", "Which AI tools may I use?", "<slow-1@oak.example>"));
        await bed.NewDropFolder().RunAsync(default);
        Assert.True(File.Exists(Path.Combine(root, "triaged", "failed", "b-slow-again.eml")));
        Assert.Equal(3, bed.Classifications);
    }

    [Fact]
    public async Task A_file_over_the_size_cap_is_set_aside_unread()
    {
        var root = Path.Combine(Path.GetTempPath(), "aipolicybot-drop-" + Guid.NewGuid().ToString("N"));
        await using var bed = InboxTestBed.WithLocalFolder(root);
        var eml = Eml("sam.teacher@oak.academy.example", InboxSamples.Request.Subject, InboxSamples.Request.Body);
        await DropAsync(root, "huge.eml", eml + new string('\n', (int)InboundMailLimits.MaxFileBytes));

        Assert.Equal(1, await bed.NewDropFolder().RunAsync(default));
        Assert.True(File.Exists(Path.Combine(root, "triaged", "unreadable", "huge.eml")));
        Assert.Equal(0, bed.Classifications);
    }

    [Fact]
    public void Bodies_and_subjects_are_cut_to_the_documented_caps()
    {
        var mail = new InboundMail("local", "id", null, "a@b.example", null, new string('s', 5000), new string('\n', 5 << 20),
            new Dictionary<string, string>(), DateTimeOffset.UnixEpoch);
        var capped = InboundMailLimits.Cap(mail);
        Assert.Equal(InboundMailLimits.MaxBodyChars, capped.Body.Length);
        Assert.Equal(InboundMailLimits.MaxSubjectChars, capped.Subject.Length);
        Assert.Same(capped, InboundMailLimits.Cap(capped));
    }

    [Fact]
    public async Task An_auto_reply_and_a_newsletter_in_the_drop_folder_get_no_reply()
    {
        var root = Path.Combine(Path.GetTempPath(), "aipolicybot-drop-" + Guid.NewGuid().ToString("N"));
        await using var bed = InboxTestBed.WithLocalFolder(root);
        await DropAsync(root, "ooo.eml", Eml("sam.teacher@oak.academy.example", "Automatic reply: " + InboxSamples.Complaint.Subject,
            "I am out of the office. " + InboxSamples.Complaint.Body, null, ("Auto-Submitted", "auto-replied")));
        await DropAsync(root, "news.eml", Eml("news@vendor.example", InboxSamples.Marketing.Subject, InboxSamples.Marketing.Body, null,
            ("List-Unsubscribe", "<https://vendor.example/unsub>"), ("Precedence", "bulk")));

        await bed.NewDropFolder().RunAsync(default);
        await bed.DrainOutboxAsync();

        Assert.False(Directory.Exists(Path.Combine(root, "outbox")) && Directory.GetFiles(Path.Combine(root, "outbox")).Length > 0);
        Assert.True(File.Exists(Path.Combine(root, "triaged", "other", "ooo.eml")));
        Assert.True(File.Exists(Path.Combine(root, "triaged", "marketing", "news.eml")));
    }
}
