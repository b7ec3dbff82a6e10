using AiPolicyBot.Infrastructure.Mail.Inbox;
using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Infrastructure.Tests.Storage;
using AiPolicyBot.Triage;
using AiPolicyBot.Triage.Inbox;

namespace AiPolicyBot.Infrastructure.Tests.Mail.Inbox;

/// <summary>
/// What tools/triage-corrections exports: the corrections stored in Azurite, read back and turned into training rows
/// (docs/triage-quality.md "Retraining").
/// </summary>
public sealed class TriageCorrectionExportTests() : TestTables("corrections")
{
    [Fact]
    public async Task Stored_corrections_export_as_training_rows_with_the_persons_latest_word()
    {
        var inbox = new InboxStorage(StorageServiceClients.Tables(Options), StorageServiceClients.Queues(Options), Options,
            "corrections-" + Guid.NewGuid().ToString("N")[..8]);
        var store = new TableTriageCorrectionStore(inbox);
        var example = TriageExample.From(new MailToTriage("parent@home.example", null, "Homework app",
            "My son's marks were shown to the whole class on the app. Call me on 07700 900123."));
        var key = new string('b', 64);
        await store.SaveAsync(new TriageCorrection(key, TriageCategory.Complaint, TriageCategory.Concern, 0.6, ["ml:complaint=0.60"],
            "aad-officer", DateTimeOffset.UnixEpoch, example), default);
        await store.SaveAsync(new TriageCorrection(key, TriageCategory.Complaint, TriageCategory.Breach, 0.6, ["ml:complaint=0.60"],
            "aad-dpo", DateTimeOffset.UnixEpoch.AddMinutes(5), example), default); // a second look: the latest word counts
        await store.SaveAsync(new TriageCorrection(new string('a', 64), TriageCategory.Question, TriageCategory.Question, 0.9, [],
            "aad-officer", DateTimeOffset.UnixEpoch, null), default);

        var (lines, withoutExample) = TriageCorrectionExport.ToJsonLines(await store.ListAsync(default));

        Assert.Equal(1, withoutExample);
        var row = Assert.Single(LabelledMail.ParseLines(lines));
        Assert.Equal(TriageCategory.Breach, row.Expected);
        Assert.Equal("sender@home.example", row.Mail.From);
        Assert.Contains("shown to the whole class", row.Mail.Body);
        Assert.DoesNotContain("07700", lines[0]);
        Assert.DoesNotContain("aad-", lines[0]);
        await Task.WhenAll(inbox.Records.DeleteAsync(), inbox.Corrections.DeleteAsync(), inbox.Queue.DeleteIfExistsAsync());
    }
}
