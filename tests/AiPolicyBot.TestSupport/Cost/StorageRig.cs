using System.Net;
using System.Text;
using System.Text.Json;
using AiPolicyBot.Application.Requests;
using AiPolicyBot.Hosting;
using AiPolicyBot.Hosting.Jobs;
using AiPolicyBot.Infrastructure.Queues;
using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Infrastructure.Storage.Diagnostics;
using AiPolicyBot.Teams.Protocol.Connector;
using AiPolicyBot.Testing.Requests;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiPolicyBot.Testing.Cost;

/// <summary>
/// The real composition (AddAiPolicyBot, Development, local unauthenticated mode) against Azurite with tables and
/// queues of its own, every storage request counted (<see cref="StorageCallLogs"/>), and a connector stand-in that
/// answers every reply. Turns and card clicks go through <see cref="MessagesEndpoint"/> exactly as a POST to
/// /api/messages would; no hosted service runs, so nothing but the measured work touches storage, and request events
/// wait in their queue until <see cref="FollowUpAsync"/> runs them. Shared by the cost and scan tests and the storage
/// benchmarks (tests/bench).
/// </summary>
public sealed class StorageRig : IAsyncDisposable
{
    public const string Cio = "00000000-0000-4000-8000-0000000000c1";
    public const string Cdo = "00000000-0000-4000-8000-0000000000c2";
    public const string Dpo = "00000000-0000-4000-8000-0000000000c3";
    public const string ItLead = "00000000-0000-4000-8000-0000000000c4";
    public const string OakfieldLeader = "00000000-0000-4000-8000-0000000000c5";
    public const string SinkUrl = "http://127.0.0.1:9/";

    private readonly WebApplication _app;
    private readonly MessagesEndpoint _endpoint;
    private int _replies;

    /// <param name="prefix">Another instance on the same tables (a restart, a second instance); default: tables of its own.</param>
    public StorageRig(string connectionString, IReadOnlyDictionary<string, string?>? more = null, string? prefix = null)
    {
        Prefix = prefix ?? "Cost" + Guid.NewGuid().ToString("N")[..10];
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Logging.ClearProviders();
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connectionString,
            ["Storage:TablePrefix"] = Prefix,
            ["Storage:QueuePrefix"] = Prefix.ToLowerInvariant() + "-",
            ["Bot:AllowUnauthenticatedLocal"] = "true",
            ["Approvers:CIO"] = Cio,
            ["Approvers:CDO"] = Cdo,
            ["Approvers:DPO"] = Dpo,
            ["Approvers:IT"] = ItLead,
            ["Academies:oakfield:Name"] = "Oakfield Academy",
            ["Academies:oakfield:Leader"] = OakfieldLeader,
            ["LocalMail:Root"] = Path.Combine(Path.GetTempPath(), "aipolicybot-cost-" + Prefix),
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>()) settings[key] = value;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddAiPolicyBot(builder.Configuration);
        builder.Services.AddSingleton(Calls);
        builder.Services.AddHttpClient(ConnectorClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new Answering(() => Interlocked.Increment(ref _replies)));
        _app = builder.Build();
        _endpoint = _app.Services.GetRequiredService<MessagesEndpoint>();
    }

    public string Prefix { get; }

    public StorageCallLogs Calls { get; } = new();

    public IServiceProvider Services => _app.Services;

    public int Replies => Volatile.Read(ref _replies);

    public string MailRoot => _app.Services.GetRequiredService<IConfiguration>()["LocalMail:Root"]!;

    /// <summary>One staff message through the endpoint; the HTTP status.</summary>
    public async Task<int> TurnAsync(string text, string userId, string conversationId)
    {
        var (status, _) = await PostAsync(Activity("message", text, userId, conversationId, null));
        return status;
    }

    /// <summary>One Action.Execute click on a request's card; the status and the invoke response body.</summary>
    public Task<(int Status, string Body)> ClickAsync(string verb, string reference, string userId, object? inputs = null)
    {
        var data = new Dictionary<string, object?> { ["reference"] = reference };
        if (inputs is not null)
        {
            foreach (var p in inputs.GetType().GetProperties()) data[p.Name] = p.GetValue(inputs);
        }

        var value = new { action = new { type = "Action.Execute", verb, data } };
        return PostAsync(Activity("invoke", null, userId, "a:approver-" + userId, value, "adaptiveCard/action"));
    }

    /// <summary>
    /// Runs the follow-up of every request event waiting in the queue (the request-events job, as composed), in
    /// batches of <paramref name="batchSize"/> at once, until the queue is empty; with <paramref name="twice"/> the
    /// relay first sends every still-pending event again, so two copies of each race each other. As the queue trigger
    /// does: a message that fails is retried (here at once), and one that failed five times goes to the poison queue.
    /// Returns the number of messages received (a retried one counts again).
    /// </summary>
    public async Task<int> FollowUpAsync(int batchSize = 16, bool twice = false)
    {
        if (twice) await Services.GetRequiredService<RequestEventRelay>().RunAsync(TimeSpan.Zero, default);
        var job = Services.GetRequiredService<RequestEventsJob>();
        var queue = FollowUpQueue(RequestEventsJob.Queue);
        var received = 0;
        for (var round = 0; ; round++)
        {
            if (round > 1000) throw new InvalidOperationException("the request-events queue did not drain");
            QueueMessage[] messages = await queue.ReceiveMessagesAsync(batchSize, TimeSpan.FromSeconds(60));
            if (messages.Length == 0) return received;
            received += messages.Length;
            await Task.WhenAll(messages.Select(m => HandleAsync(job, queue, m)));
        }
    }

    private async Task HandleAsync(RequestEventsJob job, QueueClient queue, QueueMessage message)
    {
        try
        {
            await job.HandleAsync(message.Body.ToString(), message.DequeueCount, default);
        }
        catch (Exception) when (message.DequeueCount < 5)
        {
            await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
            return;
        }
        catch (Exception)
        {
            var poison = FollowUpQueue(RequestEventsJob.PoisonQueue);
            await poison.CreateIfNotExistsAsync();
            await poison.SendMessageAsync(message.Body.ToString());
        }
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
    }

    /// <summary>How many request events the follow-up gave up on (moved to the poison queue).</summary>
    public async Task<int> PoisonedFollowUpsAsync()
    {
        var poison = FollowUpQueue(RequestEventsJob.PoisonQueue);
        return await poison.ExistsAsync() ? (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount : 0;
    }

    // Not the composition's counting client: the test's own queue calls are not the bot's.
    private QueueClient FollowUpQueue(string name)
    {
        var options = Services.GetRequiredService<StorageOptions>();
        return new QueueClient(options.ConnectionString, options.QueueName(name), new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
    }

    /// <summary>A request submitted as the wizard would: trust-wide with pupil data, so CIO, CDO and DPO must decide.</summary>
    public async Task<string> SubmitAsync(string requesterId, string toolName = "ExampleChat")
    {
        var result = await Services.GetRequiredService<RequestSubmission>().SubmitAsync(
            new SubmissionCommand("s-" + Guid.NewGuid().ToString("N"), requesterId, "Megan Bowen", IntakeSamples.Submitted(toolName, "pupil")), default);
        return result.Request?.Reference ?? throw new InvalidOperationException("submission failed: " + string.Join(", ", result.Errors));
    }

    private async Task<(int Status, string Body)> PostAsync(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var context = new DefaultHttpContext { RequestServices = _app.Services };
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = body.Length;
        context.Request.Body = new MemoryStream(body, writable: false);
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        using var response = new MemoryStream();
        context.Response.Body = response;
        await _endpoint.HandleAsync(context);
        return (context.Response.StatusCode, Encoding.UTF8.GetString(response.ToArray()));
    }

    private static string Activity(string type, string? text, string userId, string conversationId, object? value, string? name = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["type"] = type,
            ["id"] = Guid.NewGuid().ToString("N"),
            ["name"] = name,
            ["channelId"] = "msteams",
            ["serviceUrl"] = SinkUrl,
            ["from"] = new { id = "29:" + userId, name = "Staff " + userId[^4..], aadObjectId = userId },
            ["recipient"] = new { id = "28:bot", name = "AiPolicyBot" },
            ["conversation"] = new { id = conversationId, conversationType = "personal", tenantId = "00000000-0000-0000-0000-00000000abcd" },
            ["text"] = text,
            ["value"] = value,
            ["channelData"] = new { tenant = new { id = "00000000-0000-0000-0000-00000000abcd" } },
        });

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        if (Directory.Exists(MailRootOrNull())) Directory.Delete(MailRootOrNull()!, recursive: true);
    }

    private string? MailRootOrNull() => Path.Combine(Path.GetTempPath(), "aipolicybot-cost-" + Prefix);

    /// <summary>The connector: every reply and card update is accepted.</summary>
    private sealed class Answering(Action counted) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            counted();
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("{\"id\":\"act-1\"}", Encoding.UTF8, "application/json"),
            });
        }
    }
}
