using AiPolicyBot.Infrastructure.Mail;
using AiPolicyBot.Infrastructure.Mail.Inbox;
using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Requests;
using AiPolicyBot.Testing.Time;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Infrastructure.Tests.Storage;

/// <summary>Each kind of row leaves when its own retention has passed, and not before; other rows stay.</summary>
public sealed class RetentionPurgeTests() : TestTables("retention")
{
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task Rows_are_deleted_when_their_retention_has_passed_and_not_before()
    {
        var queues = new QueueServiceClient(ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var service = new TableServiceClient(ConnectionString);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var inbox = new InboxStorage(service, queues, Options, "retention-inbox-" + suffix);
        var mail = new MailStorage(service, queues, Options, "retention-outbox-" + suffix);
        var purge = new RetentionPurge(Tables, inbox, mail, Microsoft.Extensions.Options.Options.Create(new RetentionOptions()), _clock,
            NullLogger<RetentionPurge>.Instance);
        await Task.WhenAll(inbox.EnsureCreatedAsync(default), mail.EnsureCreatedAsync(default));

        var requests = new TableRequestStore(Tables, new TableReferenceCounter(Tables));
        await requests.CreateAsync(Samples.Request("AIP-2026-0101") with { State = RequestState.Draft }, default);
        var submitted = RequestEvent.New("AIP-2026-0102", RequestEventKind.Submitted, DateTimeOffset.UtcNow);
        await requests.CreateAsync(Samples.Request("AIP-2026-0102") with { State = RequestState.Pending }, submitted, default);
        var events = new TableRequestEventLog(Tables, TimeProvider.System);
        await events.MarkHandledAsync((await events.GetAsync(submitted, default))!, default);
        var pending = RequestEvent.New("AIP-2026-0103", RequestEventKind.Submitted, DateTimeOffset.UtcNow);
        await requests.CreateAsync(Samples.Request("AIP-2026-0103") with { State = RequestState.Pending }, pending, default);
        await new TableIdempotencyStore(Tables, TimeProvider.System).TryClaimAsync("card", "click-1", default);
        await inbox.Records.AddEntityAsync(new TableEntity("local", "mail-1") { ["Category"] = "toolRequest" });
        await mail.Decisions.AddEntityAsync(new TableEntity("AIP-2026-0102", "decision|CIO|x") { ["Kind"] = "approve" });

        Assert.Equal(new RetentionCounts(0, 0, 0, 0), await purge.RunAsync(default));

        _clock.Now = DateTimeOffset.UtcNow.AddDays(31);
        Assert.Equal(new RetentionCounts(0, 1, 1, 0, RequestEvents: 1), await purge.RunAsync(default));
        Assert.Null(await requests.GetAsync("AIP-2026-0101", default));
        Assert.Null(await events.GetAsync(submitted, default));        // handled: gone
        Assert.NotNull(await events.GetAsync(pending, default));       // still to be relayed: kept
        Assert.NotNull(await requests.GetAsync("AIP-2026-0102", default)); // not a draft: kept

        _clock.Now = DateTimeOffset.UtcNow.AddDays(181);
        Assert.Equal(new RetentionCounts(1, 0, 0, 0), await purge.RunAsync(default));

        _clock.Now = DateTimeOffset.UtcNow.AddYears(7);
        Assert.Equal(new RetentionCounts(0, 0, 0, 1), await purge.RunAsync(default));
        Assert.NotNull(await requests.GetAsync("AIP-2026-0102", default));

        await Task.WhenAll(inbox.Records.DeleteAsync(), inbox.Corrections.DeleteAsync(), mail.Decisions.DeleteAsync(), mail.Alerts.DeleteAsync());
    }
}
