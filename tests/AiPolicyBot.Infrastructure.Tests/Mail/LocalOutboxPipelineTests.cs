using AiPolicyBot.Mail;
using AiPolicyBot.Requests;
using MimeKit;

namespace AiPolicyBot.Infrastructure.Tests.Mail;

/// <summary>Graph not configured: the same outbox pipeline (Azurite tables and queue) writes one .eml per decision.</summary>
public sealed class LocalOutboxPipelineTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "aipolicybot-local-" + Guid.NewGuid().ToString("N"));
    private MailTestBed _bed = null!;

    public Task InitializeAsync()
    {
        _bed = MailTestBed.WithLocalFolder(_root);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _bed.DisposeAsync();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Each_decision_appears_once_as_an_eml_file_even_with_replays_and_relay_runs()
    {
        var a = await _bed.DecideAsync("AIP-2026-0200");
        var b = await _bed.DecideAsync("AIP-2026-0201");
        await _bed.PutAsync(MailSamples.Request("AIP-2026-0202", RequestState.Withdrawn));
        var withdrawn = OutboxJob.DecisionFor("AIP-2026-0202", MailSamples.At);
        await _bed.DecisionLog.EnsureOutboxAsync(withdrawn, default); // outcome without a decision row

        await _bed.DrainAsync();
        await _bed.Relay.RunAsync(default);
        await _bed.Queue.EnqueueAsync(new Infrastructure.Mail.OutboxPointer(a.Reference, a.JobId), null, default);
        await _bed.DrainAsync();

        var files = Directory.GetFiles(Path.Combine(_root, "outbox")).Select(Path.GetFileName).Order().ToList();
        Assert.Equal([$"{a.JobId}.eml", $"{b.JobId}.eml", $"{withdrawn.JobId}.eml"], files);
        var mail = await MimeMessage.LoadAsync(Path.Combine(_root, "outbox", $"{withdrawn.JobId}.eml"));
        Assert.Contains("[AIP-2026-0202]", mail.Subject);
        Assert.Contains("withdrawn", mail.Subject);
        Assert.Equal(OutboxState.Sent, (await _bed.RowAsync(a)).State);
    }
}
