using AiPolicyBot.Approvals;
using AiPolicyBot.Mail;
using AiPolicyBot.Policy;
using AiPolicyBot.Requests;
using AiPolicyBot.Testing.Azurite;
using AiPolicyBot.Testing.Requests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace AiPolicyBot.Hosting.Tests.Mail;

/// <summary>
/// The local run: the local host (QueuePump on Azurite) turns each recorded decision into one .eml file in the local
/// outbox folder, with no Graph configured.
/// </summary>
public class LocalMailOutboxTests
{
    [Fact]
    public async Task A_decision_recorded_in_the_local_host_appears_once_as_an_eml_file()
    {
        var root = Path.Combine(Path.GetTempPath(), "aipolicybot-localmail-" + Guid.NewGuid().ToString("N"));
        await using var factory = new WebApplicationFactory<WebHostProgram>().WithWebHostBuilder(b =>
            b.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = TestStorage.ConnectionString,
                ["Storage:TablePrefix"] = "localmail" + Guid.NewGuid().ToString("N")[..8],
                ["MailOutbox:Queue"] = TestStorage.UniqueQueue("mail-outbox"),
                ["LocalMail:Root"] = root,
                ["Queues:MaxPollingInterval"] = "00:00:00.200",
                ["Academies:oak-primary:Name"] = "Oak Primary Academy",
            })));
        _ = factory.Server;
        try
        {
            var requests = factory.Services.GetRequiredService<IRequestStore>();
            var log = factory.Services.GetRequiredService<IDecisionLog>();
            var reference = await requests.NextReferenceAsync(2026, default);
            await requests.CreateAsync(Request(reference), default);
            var job = OutboxJob.DecisionFor(reference, DateTimeOffset.UtcNow);
            var decision = new ApprovalDecision("AcademyLeader", "leader-1", "Lee Leader", DecisionKind.Approve, null, [], DateTimeOffset.UtcNow);

            Assert.True(await log.RecordAsync(reference, decision, [job], default));
            Assert.False(await log.RecordAsync(reference, decision, [job], default)); // a repeated click

            var file = Path.Combine(root, "outbox", $"{job.JobId}.eml");
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (!File.Exists(file) && DateTime.UtcNow < deadline) await Task.Delay(100);

            Assert.True(File.Exists(file), "no .eml in the local outbox");
            Assert.Single(Directory.GetFiles(Path.Combine(root, "outbox")));
            var mail = await MimeMessage.LoadAsync(file);
            Assert.Equal($"[{reference}] Decision: approved - Padlet AI", mail.Subject);
            Assert.Equal(job.JobId, mail.Headers[MailMessage.JobIdHeader]);
            Assert.Contains("Lee Leader", mail.TextBody);
            Assert.Contains("Oak Primary Academy", mail.TextBody); // the academy as people know it, not its id
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Padlet AI at Oak Primary, approved by the academy leader with no conditions (the subject says "approved").</summary>
    private static ToolRequest Request(string reference) => RequestSamples.Request(reference,
        RequestSamples.Intake("Padlet AI") with { AcademyId = "oak-primary" }, RequestSamples.AcademyOutcome() with { Conditions = [] },
        RequestState.Approved);
}
