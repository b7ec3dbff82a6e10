using AiPolicyBot.Application.Mail;
using AiPolicyBot.Common;
using AiPolicyBot.Infrastructure.Mail;
using AiPolicyBot.Mail;
using AiPolicyBot.Policy;
using AiPolicyBot.Requests;
using AiPolicyBot.Testing.Mail;
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
        await _bed.PutAsync(MailSamples.Request(RequestState.Withdrawn, reference: "AIP-2026-0202"));
        var withdrawn = OutboxJob.DecisionFor("AIP-2026-0202", MailSamples.At);
        await _bed.TableOutbox.EnsureAsync(withdrawn, default); // outcome without a decision row

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

    [Fact]
    public async Task A_possible_incident_is_mailed_once_on_submission_and_other_submissions_are_not()
    {
        var sample = MailSamples.Request(RequestState.Pending, reference: "AIP-2026-0210");
        var flagged = sample with { Outcome = sample.Outcome with { Conditions = [.. sample.Outcome.Conditions, ConditionCodes.PossibleIncidentReview] } };
        var plain = MailSamples.Request(RequestState.Pending, reference: "AIP-2026-0211");
        await _bed.PutAsync(flagged);
        await _bed.PutAsync(plain);
        var handler = new MailRequestEventHandler(_bed.TableOutbox, _bed.GraphOptions.SendOnSubmit); // SendOnSubmit off

        foreach (var request in new[] { flagged, plain, flagged }) // the flagged event delivered twice
            await handler.HandleAsync(new RequestEvent(request.Reference, RequestEventKind.Submitted, MailSamples.At), new Versioned<ToolRequest>(request, "unused by this handler"), default);
        await _bed.DrainAsync();

        var files = Directory.GetFiles(Path.Combine(_root, "outbox")).Select(Path.GetFileName).ToList();
        Assert.Equal(["AIP-2026-0210-incident.eml"], files);
        var mail = await MimeMessage.LoadAsync(Path.Combine(_root, "outbox", files[0]!));
        Assert.StartsWith("[AIP-2026-0210] Possible incident", mail.Subject);
        Assert.Equal(MailTestBed.Mailbox, mail.To.Mailboxes.Single().Address);
    }
}
