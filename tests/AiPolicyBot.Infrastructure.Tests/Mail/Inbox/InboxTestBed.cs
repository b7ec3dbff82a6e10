using System.Collections.Concurrent;
using AiPolicyBot.Application.Incidents;
using AiPolicyBot.Application.Mail;
using AiPolicyBot.Application.Triage;
using AiPolicyBot.Approvals;
using AiPolicyBot.Incidents;
using AiPolicyBot.Infrastructure.Incidents;
using AiPolicyBot.Infrastructure.Mail;
using AiPolicyBot.Infrastructure.Mail.Inbox;
using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Mail;
using AiPolicyBot.Policy;
using AiPolicyBot.Register;
using AiPolicyBot.Testing.Azurite;
using AiPolicyBot.Testing.Graph;
using AiPolicyBot.Triage;
using AiPolicyBot.Triage.Inbox;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Graph;

namespace AiPolicyBot.Infrastructure.Tests.Mail.Inbox;

/// <summary>
/// Mailbox triage on real parts: the mail test bed (Azurite tables and queues under its own prefix, the production
/// GraphServiceClient wiring against the stateful <see cref="FakeGraph"/> on loopback), plus the triage records,
/// sync state, processor, Graph marker, delta sync and subscription manager, all as the host composes them.
/// Teams cards are recorded by <see cref="RecordingNotifier"/> (Teams is tested in its own project).
/// </summary>
public sealed class InboxTestBed : IAsyncDisposable
{
    public const string Dpo = "dpo@trust.example";
    public const string Complaints = "complaints@trust.example";

    private InboxTestBed(MailTestBed mail, string? localRoot)
    {
        Mail = mail;
        var id = Guid.NewGuid().ToString("N")[..10];
        var storageOptions = new StorageOptions { ConnectionString = TestStorage.ConnectionString, TablePrefix = "inboxt" + id };
        Storage = new InboxStorage(new TableServiceClient(TestStorage.ConnectionString),
            new QueueServiceClient(TestStorage.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }),
            storageOptions, "triage-inbox-" + id);
        Records = new TableTriageRecordStore(Storage);
        State = new TableInboxSyncState(Storage);
        // The staff in these tests write from their academy's domain, one of the Trust's: their mail is answered.
        Options = new TriageOptions { DpoAddress = Dpo, ComplaintsContact = Complaints, AppMailbox = MailTestBed.Mailbox, AuthServIds = [InboxSamples.ReceivingServer] };
        Options.TrustDomains = [.. Options.TrustDomains, "oak.academy.example"];
        Classifier = TriageClassifier.Create(Options, DemoRegisterToolNames.All);
        var registerStore = new InMemoryRegisterStore();
        foreach (var e in DemoRegister.Entries) registerStore.AddAsync(e, CancellationToken.None).GetAwaiter().GetResult();
        Register = new RegisterCache(registerStore, TimeProvider.System);
        Incidents = new TableIncidentStore(mail.Tables, new TableReferenceCounter(mail.Tables));
        IncidentNotices = new RecordingIncidentNotices();
        var incidents = new IncidentCases(Incidents, new TableAuditLog(mail.Tables, TimeProvider.System), new FixedDirectory(Dpo),
            IncidentNotices, new TableIdempotencyStore(mail.Tables, TimeProvider.System), TimeProvider.System, NullLogger<IncidentCases>.Instance);
        Actions = new TriageActions(Records, mail.Requests, mail.TableOutbox, new TableIdempotencyStore(mail.Tables, TimeProvider.System),
            mail.Alerts, Register, Notifier, incidents, Options, TimeProvider.System, NullLogger<TriageActions>.Instance);
        Processor = new TriageProcessor(Records, CountedClassifier, Actions, mail.Alerts, Options, TimeProvider.System, NullLogger<TriageProcessor>.Instance);
        GraphOptions = new GraphMailOptions
        {
            Enabled = true,
            Mailbox = MailTestBed.Mailbox,
            BaseUrl = mail.GraphOptions.BaseUrl,
            RetryDelaySeconds = 0,
            NotificationUrl = "https://bot.trust.example/api/graph/notifications",
            ClientState = "client-state-0123456789abcdef",
        };
        Client = new GraphMailClient(GraphOptions);
        Marker = new GraphTriageMarker(Client, GraphOptions);
        Local = new LocalMailOptions { Root = localRoot ?? Path.Combine(Path.GetTempPath(), "aipolicybot-inbox-" + id) };
        Renderer = new TriageMailRenderer(Records, Options, GraphOptions, Local);
        Sender = new MailOutboxSender(mail.TableOutbox, new OutboxMailComposer(mail.Requests, mail.DecisionLog, GraphOptions.Recipient, Renderer),
            mail.Transport, mail.Queue, mail.Settings, NullLogger<MailOutboxSender>.Instance);
        Subscriptions = new GraphSubscriptionManager(Client, GraphOptions, State, TimeProvider.System, NullLogger<GraphSubscriptionManager>.Instance);
    }

    public static async Task<InboxTestBed> WithGraphAsync() => new(await MailTestBed.WithGraphAsync(), null);

    /// <summary>Local drop folder under <paramref name="root"/>; triage mails become .eml files in {root}/outbox.</summary>
    public static InboxTestBed WithLocalFolder(string root) => new(MailTestBed.WithLocalFolder(root), root);

    private int _classifications;

    /// <summary>How often the processor reached for the classifier: once per mail classified.</summary>
    public int Classifications => Volatile.Read(ref _classifications);

    /// <summary>A stand-in for a mail that takes long to classify: the delay before classification number n (1-based).</summary>
    public Func<int, TimeSpan> ClassifyDelay { get; set; } = _ => TimeSpan.Zero;

    private bool _warm;

    // The processor's first call only loads the model (its warm-up, outside any mail's budget): not a classification.
    private TriageClassifier CountedClassifier()
    {
        if (!_warm) { _warm = true; return Classifier; }
        var delay = ClassifyDelay(Interlocked.Increment(ref _classifications));
        if (delay > TimeSpan.Zero) Thread.Sleep(delay);
        return Classifier;
    }

    public MailTestBed Mail { get; }
    public FakeGraph Graph => Mail.FakeGraph;
    public InboxStorage Storage { get; }
    public TableTriageRecordStore Records { get; }
    public TableInboxSyncState State { get; }
    public TriageOptions Options { get; }
    public TriageClassifier Classifier { get; }
    public RegisterCache Register { get; }
    public RecordingNotifier Notifier { get; } = new();
    public TableIncidentStore Incidents { get; }
    public RecordingIncidentNotices IncidentNotices { get; }
    public TriageActions Actions { get; }
    public TriageProcessor Processor { get; }
    public GraphMailOptions GraphOptions { get; }
    public GraphMailClient Client { get; }
    public GraphTriageMarker Marker { get; }
    public LocalMailOptions Local { get; }
    public TriageMailRenderer Renderer { get; }
    public MailOutboxSender Sender { get; }
    public GraphSubscriptionManager Subscriptions { get; }

    /// <summary>A delta sync as one instance of the host runs it (each call: a fresh instance, like a restart).</summary>
    public GraphInboxSync NewSync() =>
        new(Client, GraphOptions, State, Processor, Marker, TimeProvider.System, NullLogger<GraphInboxSync>.Instance);

    public LocalDropFolder NewDropFolder() => new(Local, Processor, TimeProvider.System, NullLogger<LocalDropFolder>.Instance);

    public Task<AiPolicyBot.Common.Versioned<TriageRecord>?> RecordAsync(string source, string id) =>
        Records.GetAsync(InboundMail.KeyFor(source, id), CancellationToken.None);

    /// <summary>Outbox rows (triage mails) of every triaged mail, by job id.</summary>
    public async Task<IReadOnlyList<OutboxRecord>> OutboxRowsAsync()
    {
        await Mail.Storage.EnsureCreatedAsync(CancellationToken.None);
        var rows = new List<OutboxRecord>();
        await foreach (var e in Mail.Storage.Decisions.QueryAsync<TableEntity>(DecisionRows.PrefixFilter(DecisionRows.OutboxPrefix)))
            rows.Add(DecisionRows.ToOutbox(e));
        return rows;
    }

    /// <summary>Plays the mail-outbox queue trigger with the triage-aware sender until the queue is empty.</summary>
    public async Task DrainOutboxAsync()
    {
        await Mail.Storage.EnsureCreatedAsync(CancellationToken.None);
        while ((await Mail.Storage.Outbox.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(1))).Value is [var message])
        {
            await Sender.HandleAsync(message.Body.ToString(), CancellationToken.None);
            await Mail.Storage.Outbox.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Register.Dispose();
        await Mail.DisposeAsync();
        try
        {
            await Storage.Records.DeleteAsync();
            await Storage.Corrections.DeleteAsync();
            await Storage.Queue.DeleteIfExistsAsync();
        }
        catch (Azure.RequestFailedException)
        {
        }
        if (Directory.Exists(Local.Root)) Directory.Delete(Local.Root, recursive: true);
    }
}

/// <summary>Records what Teams would have been told, per triaged mail.</summary>
/// <summary>The DPO's Teams notices of incident cases, recorded (who, which case).</summary>
public sealed class RecordingIncidentNotices : IIncidentNotices
{
    public ConcurrentQueue<(string UserId, string CaseId, int Hours)> Calls { get; } = new();

    public Task<bool> CaseOpenedAsync(string userId, IncidentCase c, CancellationToken ct)
    {
        Calls.Enqueue((userId, c.Id, 0));
        return Task.FromResult(true);
    }

    public Task<bool> ReminderAsync(string userId, IncidentCase c, int hoursSinceOpened, CancellationToken ct)
    {
        Calls.Enqueue((userId, c.Id, hoursSinceOpened));
        return Task.FromResult(true);
    }
}

/// <summary>An approver directory whose DPO is <paramref name="dpo"/> (the other roles are nobody's concern here).</summary>
public sealed class FixedDirectory(string dpo, params string[] overseers) : IApproverDirectorySource
{
    public ValueTask<ApproverDirectory> GetAsync(CancellationToken ct) => ValueTask.FromResult(new ApproverDirectory(
        new Dictionary<string, RoleHolders> { [ApproverRoles.Dpo] = new(dpo, []) }, new Dictionary<string, RoleHolders>())
    {
        RequestOverseers = overseers,
    });
}

public sealed class RecordingNotifier : ITriageNotifier
{
    public ConcurrentQueue<(TriageRecord Record, TriageActionPlan Plan)> Calls { get; } = new();

    public Task NotifyAsync(TriageRecord record, TriageActionPlan plan, CancellationToken ct)
    {
        Calls.Enqueue((record, plan));
        return Task.CompletedTask;
    }
}

/// <summary>Sample inbound mail, one per category, written the way people write.</summary>
public static class InboxSamples
{
    public static readonly SampleMail Breach = new("I pasted pupil data into ChatGPT", "Hi, this morning I pasted pupil names and SEN notes for my Year 4 class into ChatGPT to draft reports. I realise now this was wrong. What should I do?");
    public static readonly SampleMail Request = new("Can we use Padlet for class boards?", "Hello, can we use Padlet with my Year 5 class for collaborative boards? I would like approval before the spring term. Thanks, Sam");
    public static readonly SampleMail Complaint = new("Formal complaint about AI marking", "I wish to make a formal complaint. My son's homework was marked by an AI tool and the feedback was wrong. I am very unhappy with how this was handled.");
    public static readonly SampleMail Marketing = new("Webinar: AI for schools - book your free place", "Join our free webinar on AI lesson planning for schools. Book now! Unsubscribe at any time.");

    /// <summary>The Trust's receiving server, as it names itself in the Authentication-Results it writes.</summary>
    public const string ReceivingServer = "mx.trust.example";

    /// <summary>What our receiving server stamps on mail from outside whose From domain passed DMARC.</summary>
    public static IReadOnlyDictionary<string, string> DmarcPass => new Dictionary<string, string>
    {
        ["Authentication-Results"] = ReceivingServer + "; spf=pass smtp.mailfrom=home.example; dkim=pass header.d=home.example; dmarc=pass action=none header.from=home.example",
    };

    public static IReadOnlyDictionary<string, string> Bulk => new Dictionary<string, string>
    {
        ["List-Unsubscribe"] = "<https://vendor.example/unsub>",
        ["X-Microsoft-Antispam"] = "BCL:6;",
        ["Precedence"] = "bulk",
    };
}

/// <summary>A sample mail's subject and body: a mail is one thing, so a test cannot pair one mail's subject with another's body.</summary>
public sealed record SampleMail(string Subject, string Body);
