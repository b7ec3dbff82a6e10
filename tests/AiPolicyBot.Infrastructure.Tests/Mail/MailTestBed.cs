using AiPolicyBot.Application.Mail;
using AiPolicyBot.Approvals;
using AiPolicyBot.Infrastructure.Mail;
using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Mail;
using AiPolicyBot.Requests;
using AiPolicyBot.Testing.Azurite;
using AiPolicyBot.Testing.Graph;
using AiPolicyBot.Testing.Mail;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiPolicyBot.Infrastructure.Tests.Mail;

/// <summary>
/// The whole mail pipeline on real parts: Azurite tables and queues (AIPOLICYBOT_TEST_STORAGE, a table prefix and
/// queue name of its own) and, for Graph, the production GraphServiceClient wiring pointed at a <see cref="FakeGraph"/>.
/// <see cref="DrainAsync"/> plays the queue trigger: Base64 messages, retry until maxDequeueCount, then the poison queue.
/// </summary>
public sealed class MailTestBed : IAsyncDisposable
{
    public const string Mailbox = "information.assurance@trust.example";

    private MailTestBed(FakeGraph? graph, IMailTransport? transport, string? localRoot)
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        var storageOptions = new StorageOptions { ConnectionString = TestStorage.ConnectionString, TablePrefix = "mailt" + id };
        Storage = new MailStorage(new TableServiceClient(TestStorage.ConnectionString),
            new QueueServiceClient(TestStorage.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }),
            storageOptions, "mail-outbox-" + id);
        Tables = new TableClients(storageOptions);
        Requests = new TableRequestStore(Tables, new TableReferenceCounter(Tables));
        GraphOptions = new GraphMailOptions { Enabled = true, Mailbox = Mailbox, BaseUrl = (graph?.BaseUrl ?? "http://127.0.0.1:9") + "/v1.0", RetryDelaySeconds = 0 };
        Settings = new MailOutboxOptions { RelayGrace = TimeSpan.Zero, RescheduleJitterMaxSeconds = 0 };
        Graph = graph;
        Queue = new OutboxQueue(Storage, NullLogger<OutboxQueue>.Instance);
        TableOutbox = new TableOutbox(Storage, Queue, TimeProvider.System);
        Outbox = new CrashingOutbox(TableOutbox);
        DecisionLog = new TableDecisionLog(Storage, Queue, TimeProvider.System);
        Alerts = new TableAdminAlerts(Storage, NullLogger<TableAdminAlerts>.Instance);
        LocalRoot = localRoot;
        Transport = transport
            ?? (graph is not null
                ? new GraphMailTransport(new GraphMailClient(GraphOptions), GraphOptions, NullLogger<GraphMailTransport>.Instance)
                : new EmlMailTransport(new LocalMailOptions { Root = localRoot! }, GraphOptions, TimeProvider.System, NullLogger<EmlMailTransport>.Instance));
        Sender = new MailOutboxSender(Outbox, new OutboxMailComposer(Requests, DecisionLog, GraphOptions.Recipient), Transport, Queue, Settings,
            NullLogger<MailOutboxSender>.Instance);
        Relay = new MailOutboxRelay(TableOutbox, Queue, Settings, TimeProvider.System, NullLogger<MailOutboxRelay>.Instance);
        Poison = new MailPoisonHandler(TableOutbox, Alerts, TimeProvider.System, NullLogger<MailPoisonHandler>.Instance);
    }

    public static async Task<MailTestBed> WithGraphAsync() => new(await FakeGraph.StartAsync(), null, null);

    public static MailTestBed WithLocalFolder(string root) => new(null, null, root);

    public MailStorage Storage { get; }
    public GraphMailOptions GraphOptions { get; }
    public MailOutboxOptions Settings { get; }
    public FakeGraph? Graph { get; }
    public OutboxQueue Queue { get; }
    public TableOutbox TableOutbox { get; }
    public CrashingOutbox Outbox { get; }
    public IDecisionLog DecisionLog { get; }
    public TableAdminAlerts Alerts { get; }
    public TableClients Tables { get; }
    public IRequestStore Requests { get; }
    public IMailTransport Transport { get; }
    public MailOutboxSender Sender { get; }
    public MailOutboxRelay Relay { get; }
    public MailPoisonHandler Poison { get; }
    public string? LocalRoot { get; }

    /// <summary>Pointers the sender received (for asserting re-schedules).</summary>
    public List<OutboxPointer> Handled { get; } = [];

    public FakeGraph FakeGraph => Graph ?? throw new InvalidOperationException("no fake Graph in this bed");

    /// <summary>Stores a request (the real Table request store).</summary>
    public Task PutAsync(ToolRequest request) => Requests.CreateAsync(request, CancellationToken.None);

    /// <summary>Stores the request and records one decision with its decision-mail job.</summary>
    public async Task<OutboxJob> DecideAsync(string reference)
    {
        await PutAsync(MailSamples.Request(reference: reference));
        var job = OutboxJob.DecisionFor(reference, MailSamples.At);
        Assert.True(await DecisionLog.RecordAsync(reference, MailSamples.Decision(), [job], CancellationToken.None));
        return job;
    }

    /// <summary>
    /// Runs the queue like the Functions trigger until it is empty: success deletes the message; a failure makes it
    /// visible again until it was dequeued <paramref name="maxDequeueCount"/> times, then it moves to the poison queue.
    /// Returns the number of failed deliveries.
    /// </summary>
    public async Task<int> DrainAsync(int maxDequeueCount = 5, Func<QueueMessage, Task>? beforeEach = null)
    {
        var failures = 0;
        while (true)
        {
            QueueMessage[] batch = (await Storage.Outbox.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(1))).Value;
            if (batch.Length == 0)
            {
                // Re-scheduled messages may be invisible for a moment (Retry-After 0 + jitter 0 ⇒ none in tests).
                if ((await Storage.Outbox.PeekMessagesAsync(1)).Value.Length == 0) return failures;
                await Task.Delay(20);
                continue;
            }
            var message = batch[0];
            if (beforeEach is not null) await beforeEach(message);
            try
            {
                Handled.Add(OutboxPointer.Parse(message.Body.ToString()));
                await Sender.HandleAsync(message.Body.ToString(), CancellationToken.None);
                await Storage.Outbox.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
            catch (Exception)
            {
                failures++;
                if (message.DequeueCount >= maxDequeueCount)
                {
                    await Storage.Poison.SendMessageAsync(message.Body.ToString());
                    await Storage.Outbox.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                }
                else await Storage.Outbox.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
            }
        }
    }

    /// <summary>Runs the poison handler over every poison message (deleting each once handled).</summary>
    public async Task<int> DrainPoisonAsync()
    {
        var handled = 0;
        while ((await Storage.Poison.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(1))).Value is [var message])
        {
            await Poison.HandleAsync(message.Body.ToString(), CancellationToken.None);
            await Storage.Poison.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            handled++;
        }
        return handled;
    }

    public async Task<OutboxRecord> RowAsync(OutboxJob job) =>
        (await TableOutbox.GetAsync(job.Reference, job.JobId, CancellationToken.None))?.Value ?? throw new Xunit.Sdk.XunitException("no outbox row");

    public async ValueTask DisposeAsync()
    {
        if (Graph is not null) await Graph.DisposeAsync();
        try
        {
            foreach (var table in Tables.All) await table.DeleteAsync();
            await TestStorage.DeleteAsync(Storage);
        }
        catch (Azure.RequestFailedException)
        {
        }
    }
}

/// <summary>Thrown by <see cref="CrashingOutbox"/>: the process "died" at that point.</summary>
public sealed class SimulatedCrash(string where) : Exception("simulated crash: " + where);

/// <summary>
/// The real TableOutbox with crash points between the steps of a send: before the draft id is stored (an orphan
/// draft), right after it is stored (crash between draft and send), and after Graph accepted the send but before
/// the row is marked Sent.
/// </summary>
public sealed class CrashingOutbox(IOutboxStore inner) : IOutboxStore
{
    public Func<string, bool> CrashBeforeDraftStored { get; set; } = _ => false;
    public Func<string, bool> CrashAfterDraftStored { get; set; } = _ => false;
    public Func<string, bool> CrashBeforeSentStored { get; set; } = _ => false;

    public Task<AiPolicyBot.Common.Versioned<OutboxRecord>?> GetAsync(string reference, string jobId, CancellationToken ct) =>
        inner.GetAsync(reference, jobId, ct);

    public async Task<AiPolicyBot.Common.Versioned<OutboxRecord>> MarkDraftedAsync(AiPolicyBot.Common.Versioned<OutboxRecord> current, string draftId, CancellationToken ct)
    {
        if (CrashBeforeDraftStored(current.Value.Job.JobId)) throw new SimulatedCrash("before the draft id was stored");
        var next = await inner.MarkDraftedAsync(current, draftId, ct);
        if (CrashAfterDraftStored(current.Value.Job.JobId)) throw new SimulatedCrash("after the draft id was stored");
        return next;
    }

    public Task<AiPolicyBot.Common.Versioned<OutboxRecord>> MarkSentAsync(AiPolicyBot.Common.Versioned<OutboxRecord> current, CancellationToken ct) =>
        CrashBeforeSentStored(current.Value.Job.JobId) ? throw new SimulatedCrash("before Sent was stored") : inner.MarkSentAsync(current, ct);

    public Task<AiPolicyBot.Common.Versioned<OutboxRecord>> MarkFailedAsync(AiPolicyBot.Common.Versioned<OutboxRecord> current, string reason, CancellationToken ct) =>
        inner.MarkFailedAsync(current, reason, ct);

    public Task<IReadOnlyList<OutboxRecord>> ListUnsentAsync(DateTimeOffset olderThan, CancellationToken ct) => inner.ListUnsentAsync(olderThan, ct);
}
