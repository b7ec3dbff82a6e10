using System.Reflection;
using AiPolicyBot.Application.Mail;
using AiPolicyBot.Common;
using AiPolicyBot.Hosting.Jobs;
using AiPolicyBot.Infrastructure.Mail;
using AiPolicyBot.Infrastructure.Mail.Inbox;
using AiPolicyBot.Infrastructure.Queues;
using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Mail;
using AiPolicyBot.Requests;
using AiPolicyBot.Testing.Azurite;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using static AiPolicyBot.Testing.Approvals.ApprovalSamples;

namespace AiPolicyBot.Hosting.Tests;

/// <summary>
/// Every queue has a poison handler, in the local host and in Functions, and each one records what was poisoned and
/// alerts the administrators (request-events and triage-inbox had none: a poisoned event or doorbell vanished silently).
/// </summary>
public sealed class PoisonQueueTests : IAsyncLifetime
{
    private readonly StorageOptions _options = new() { ConnectionString = TestStorage.ConnectionString, TablePrefix = "poison" + Guid.NewGuid().ToString("N")[..8] };
    private readonly TableClients _tables;
    private readonly MailStorage _mail;

    public PoisonQueueTests()
    {
        _tables = new TableClients(_options);
        _mail = new MailStorage(new TableServiceClient(TestStorage.ConnectionString),
            new QueueServiceClient(TestStorage.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }), _options,
            TestStorage.UniqueQueue("poison-outbox"));
    }

    public Task InitializeAsync() => _tables.EnsureCreatedAsync(default);

    public async Task DisposeAsync()
    {
        foreach (var table in _tables.All) await table.DeleteAsync();
        await TestStorage.DeleteAsync(_mail);
    }

    [Fact]
    public void Every_queue_job_of_the_local_host_has_a_poison_job()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Approvers:CIO"] = Cio,
            ["Approvers:CDO"] = Cdo,
            ["Approvers:DPO"] = Dpo,
            ["Approvers:IT"] = ItLead,
        }).Build();
        var services = new ServiceCollection().AddLogging()
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Development })
            .AddSingleton<IConfiguration>(configuration).AddSingleton(TimeProvider.System);
        services.AddAiPolicyBot(configuration);
        using var sp = services.BuildServiceProvider();
        var queues = sp.GetServices<IQueueJob>().Select(j => j.QueueName).ToHashSet();

        Assert.Contains(RequestEventsJob.Queue, queues);
        Assert.Contains(InboxStorage.DefaultQueue, queues);
        foreach (var queue in queues.Where(q => !q.EndsWith("-poison", StringComparison.Ordinal)))
            Assert.True(queues.Contains(queue + "-poison"), $"{queue} has no poison job");
    }

    [Fact]
    public void Every_queue_trigger_of_the_functions_app_has_a_poison_trigger()
    {
        var triggers = typeof(Functions.QueueFunctions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetParameters())
            .Select(p => p.GetCustomAttribute<QueueTriggerAttribute>()?.QueueName)
            .OfType<string>()
            .ToHashSet();

        Assert.Contains(RequestEventsJob.Queue, triggers);
        foreach (var queue in triggers.Where(q => !q.EndsWith("-poison", StringComparison.Ordinal)))
            Assert.True(triggers.Contains(queue + "-poison"), $"{queue} has no poison trigger");
    }

    [Fact]
    public async Task A_poisoned_request_event_is_marked_failed_stops_being_relayed_and_alerts_once()
    {
        var requests = new TableRequestStore(_tables, new TableReferenceCounter(_tables));
        var events = new TableRequestEventLog(_tables, TimeProvider.System);
        var outbox = new TableOutbox(_mail, new OutboxQueue(_mail, NullLogger<OutboxQueue>.Instance), TimeProvider.System);
        var alerts = new TableAdminAlerts(_mail, NullLogger<TableAdminAlerts>.Instance, outbox);
        var submitted = RequestEvent.New("AIP-2026-0042", RequestEventKind.Submitted, DateTimeOffset.UtcNow, Teacher);
        await requests.CreateAsync(TrustRequest("AIP-2026-0042"), submitted, default);
        var handler = new RequestEventPoisonHandler(events, alerts, TimeProvider.System, NullLogger<RequestEventPoisonHandler>.Instance);
        var message = System.Text.Json.JsonSerializer.Serialize(submitted, AiPolicyJson.Options);

        await handler.HandleAsync(message, default);
        await handler.HandleAsync(message, default); // a second copy

        Assert.Equal(RequestEventState.Failed, (await events.GetAsync(submitted, default))!.Value.State);
        Assert.Empty(await events.ListPendingAsync(DateTimeOffset.UtcNow.AddMinutes(1), default)); // the relay leaves it alone
        var alert = Assert.Single(await alerts.ListAsync(default));
        Assert.Equal(("RequestEventPoisoned", "AIP-2026-0042"), (alert.Kind, alert.Reference));
        Assert.Contains(submitted.Id!, alert.Detail);

        // The administrators hear by email, through the outbox: one job however often the alert is raised.
        var job = AdminAlertMail.JobFor(alert);
        var row = Assert.Single(await AlertMailRowsAsync());
        Assert.Equal(job.JobId, row.Job.JobId);
        var mail = await new OutboxMailComposer(requests, new TableDecisionLog(_mail, new OutboxQueue(_mail, NullLogger<OutboxQueue>.Instance), TimeProvider.System),
            "information.assurance@trust.example", alerts: alerts).ComposeAsync(row.Job, default);
        Assert.Equal("information.assurance@trust.example", mail.To);
        Assert.Equal("[AiPolicyBot alert] RequestEventPoisoned [AIP-2026-0042]", mail.Subject);
        Assert.Contains(submitted.Id!, mail.TextBody);
        Assert.Equal(job.JobId, mail.Headers[AiPolicyBot.Mail.MailMessage.JobIdHeader]); // so triage knows it for our own mail

        // An alert about an alert email that failed is recorded, not mailed (no loop).
        await alerts.RaiseAsync(new AdminAlert("mail-poison|" + job.JobId, "MailPoisoned", AdminAlertMail.Partition, "alert mail failed", DateTimeOffset.UtcNow), default);
        Assert.Single(await AlertMailRowsAsync());
        Assert.Equal(2, (await alerts.ListAsync(default)).Count);
    }

    private async Task<List<OutboxRecord>> AlertMailRowsAsync()
    {
        var rows = new List<OutboxRecord>();
        await foreach (var e in _mail.Decisions.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {AdminAlertMail.Partition}")))
            rows.Add(DecisionRows.ToOutbox(e));
        return rows;
    }

    [Fact]
    public async Task A_poisoned_doorbell_alerts_once_an_hour_and_an_unreadable_event_is_still_alerted()
    {
        var alerts = new TableAdminAlerts(_mail, NullLogger<TableAdminAlerts>.Instance);
        var inbox = new InboxPoisonHandler(alerts, TimeProvider.System, NullLogger<InboxPoisonHandler>.Instance);
        await inbox.HandleAsync("sync", default);
        await inbox.HandleAsync("sync", default);
        var events = new RequestEventPoisonHandler(new TableRequestEventLog(_tables, TimeProvider.System), alerts, TimeProvider.System,
            NullLogger<RequestEventPoisonHandler>.Instance);
        await events.HandleAsync("not json", default);

        var raised = await alerts.ListAsync(default);
        Assert.Single(raised, a => a.Kind == "InboxPoisoned");
        Assert.Single(raised, a => a.Kind == "RequestEventPoisoned" && a.Reference is null);
    }
}
