using System.Collections.Concurrent;
using System.Text.Json;
using AiPolicyBot.Application.Requests;
using AiPolicyBot.Audit;
using AiPolicyBot.Common;
using AiPolicyBot.Hosting.Jobs;
using AiPolicyBot.Infrastructure.Queues;
using AiPolicyBot.Requests;
using AiPolicyBot.Testing.Azurite;
using AiPolicyBot.Testing.Requests;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AiPolicyBot.Hosting.Tests.Conversation;

/// <summary>
/// The request submission service as composed by AddAiPolicyBot, against Azurite (AIPOLICYBOT_TEST_STORAGE) with its
/// own table prefix: one request per submission id however often it is sent, and the event reaches the handlers.
/// </summary>
public sealed class SubmissionStorageTests : IDisposable
{
    private readonly ServiceProvider _sp;
    private readonly RecordingHandler _handler = new();
    private readonly string _queueName = TestStorage.UniqueQueue("request-events");

    public SubmissionStorageTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = TestStorage.ConnectionString,
            ["Storage:TablePrefix"] = "Conv" + Guid.NewGuid().ToString("N")[..10],
            ["Academies:oakfield:Name"] = "Oakfield Academy",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        // Every real host provides one; the approvals follow-up (an IRequestEventHandler) reaches the Teams connector, which needs it.
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Development" });
        services.AddSingleton<IConfiguration>(configuration);
        services.AddAiPolicyBot(configuration);
        services.AddSingleton<IRequestEventHandler>(_handler);
        // A queue of its own: other test hosts run the request-events pump against the same Azurite.
        services.AddSingleton<IRequestEventPublisher>(sp => new QueueRequestEventPublisher(sp.GetRequiredService<QueueServiceClient>(), _queueName));
        _sp = services.BuildServiceProvider();
    }

    public void Dispose() => _sp.Dispose();

    [Fact]
    public async Task A_double_click_and_concurrent_retries_create_one_request()
    {
        var submission = _sp.GetRequiredService<RequestSubmission>();
        var user = Guid.NewGuid().ToString();
        var command = new SubmissionCommand("session-" + Guid.NewGuid().ToString("N"), user, "Megan Bowen", IntakeSamples.Submitted());

        var first = await submission.SubmitAsync(command, default);
        var second = await submission.SubmitAsync(command, default);
        Assert.True(first.Succeeded);
        Assert.False(first.Repeated);
        Assert.True(second.Repeated);
        Assert.Equal(first.Request!.Reference, second.Request!.Reference);
        Assert.Matches(@"^AIP-\d{4}-\d{4}$", first.Request.Reference);

        // Five at once with another session: still one request for it.
        var other = command with { SubmissionId = "session-" + Guid.NewGuid().ToString("N"), Intake = IntakeSamples.Submitted(data: "pupil") };
        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => submission.SubmitAsync(other, default)));
        Assert.Single(results.Select(r => r.Request!.Reference).Distinct());
        Assert.Equal(4, results.Count(r => r.Repeated));

        var mine = await _sp.GetRequiredService<IRequestStore>().ListByRequesterAsync(user, default);
        Assert.Equal(2, mine.Count);
        var trust = mine.Single(r => r.Value.SubmissionId == other.SubmissionId).Value;
        Assert.Equal(RequestState.Pending, trust.State);
        Assert.Equal(["CIO", "CDO", "DPO"], trust.PendingRoles);

        var audit = await _sp.GetRequiredService<IAuditLog>().ReadAsync(first.Request.Reference, default);
        Assert.Single(audit);
        Assert.Equal("submitted", audit[0].Kind);
    }

    [Fact]
    public async Task Prohibited_and_already_approved_requests_are_closed()
    {
        var submission = _sp.GetRequiredService<RequestSubmission>();
        var user = Guid.NewGuid().ToString();
        var declined = await submission.SubmitAsync(new SubmissionCommand("s-" + Guid.NewGuid().ToString("N"), user, "M", IntakeSamples.Submitted("Grammarly")), default);
        Assert.Equal(Policy.Tier.Prohibited, declined.Request!.Outcome.Tier);
        Assert.Equal(RequestState.Closed, declined.Request.State);
        var approved = await submission.SubmitAsync(new SubmissionCommand("s-" + Guid.NewGuid().ToString("N"), user, "M", IntakeSamples.Submitted("Chat GPT")), default);
        Assert.Equal(Policy.Tier.AlreadyApproved, approved.Request!.Outcome.Tier);
        Assert.Equal(RequestState.Closed, approved.Request.State);
    }

    [Fact]
    public async Task Invalid_intake_reports_field_errors_and_stores_nothing()
    {
        var submission = _sp.GetRequiredService<RequestSubmission>();
        var user = Guid.NewGuid().ToString();
        var bad = JsonSerializer.SerializeToElement(new { requestType = "newTool", toolName = "X", purpose = "short" });
        var result = await submission.SubmitAsync(new SubmissionCommand("s1", user, "M", bad), default);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Field == "purpose");
        Assert.Contains(result.Errors, e => e.Field == "academyId");
        Assert.Empty(await _sp.GetRequiredService<IRequestStore>().ListByRequesterAsync(user, default));
    }

    [Fact]
    public async Task The_submitted_event_goes_through_the_queue_to_every_handler()
    {
        var submission = _sp.GetRequiredService<RequestSubmission>();
        var result = await submission.SubmitAsync(new SubmissionCommand("s-" + Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString(), "M", IntakeSamples.Submitted()), default);
        var reference = result.Request!.Reference;

        // Read the queue the publisher wrote to (Base64, as the Functions trigger expects) and run the job on our message.
        var queue = _sp.GetRequiredService<QueueServiceClient>().GetQueueClient(_queueName);
        string? mine = null;
        for (var i = 0; i < 10 && mine is null; i++)
        {
            foreach (var m in (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30))).Value)
            {
                if (m.Body.ToString().Contains(reference, StringComparison.Ordinal))
                {
                    mine = m.Body.ToString();
                    await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt);
                }
            }
        }
        Assert.NotNull(mine);
        var job = _sp.GetServices<IQueueJob>().OfType<RequestEventsJob>().Single();
        await job.HandleAsync(mine!, default);
        var (ev, request) = Assert.Single(_handler.Calls);
        Assert.Equal(RequestEventKind.Submitted, ev.Kind);
        Assert.Equal(reference, request.Reference);

        // Garbage and unknown references are dropped, not retried forever.
        await job.HandleAsync("not json", default);
        await job.HandleAsync(JsonSerializer.Serialize(new RequestEvent("AIP-2026-9999", RequestEventKind.Submitted, DateTimeOffset.UtcNow), AiPolicyJson.Options), default);
        Assert.Single(_handler.Calls);
    }

    [Fact]
    public async Task A_failing_handler_makes_the_job_throw_so_the_queue_retries()
    {
        var submission = _sp.GetRequiredService<RequestSubmission>();
        var result = await submission.SubmitAsync(new SubmissionCommand("s-" + Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString(), "M", IntakeSamples.Submitted()), default);
        _handler.FailNext = true;
        var job = _sp.GetRequiredService<RequestEventsJob>();
        var message = JsonSerializer.Serialize(new RequestEvent(result.Request!.Reference, RequestEventKind.Submitted, DateTimeOffset.UtcNow), AiPolicyJson.Options);
        await Assert.ThrowsAsync<AggregateException>(() => job.HandleAsync(message, default));
        await job.HandleAsync(message, default);
        Assert.Single(_handler.Calls);
    }

    private sealed class RecordingHandler : IRequestEventHandler
    {
        public ConcurrentQueue<(RequestEvent, ToolRequest)> Calls { get; } = new();
        public bool FailNext { get; set; }

        public Task HandleAsync(RequestEvent requestEvent, Versioned<ToolRequest> stored, CancellationToken ct)
        {
            var request = stored.Value;
            if (FailNext)
            {
                FailNext = false;
                throw new InvalidOperationException("boom");
            }
            Calls.Enqueue((requestEvent, request));
            return Task.CompletedTask;
        }
    }
}
