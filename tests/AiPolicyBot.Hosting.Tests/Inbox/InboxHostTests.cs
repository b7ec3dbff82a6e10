using System.Net;
using System.Text;
using AiPolicyBot.Infrastructure.Mail.Inbox;
using AiPolicyBot.Testing.Azurite;
using AiPolicyBot.Testing.Graph;
using AiPolicyBot.Triage.Inbox;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace AiPolicyBot.Hosting.Tests.Inbox;

/// <summary>
/// The inbox through the local host (real pumps on Azurite): the Graph webhook (handshake, clientState, doorbell)
/// with the fake Graph on loopback, and the local drop folder end to end. One class: the hosts run one at a time.
/// </summary>
public class InboxHostTests
{
    private const string ClientState = "client-state-for-tests-0123456789";
    private const string Mailbox = "information.assurance@trust.example";

    private static WebApplicationFactory<WebHostProgram> Host(Dictionary<string, string?> settings) =>
        new WebApplicationFactory<WebHostProgram>().WithWebHostBuilder(b =>
            b.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = TestStorage.ConnectionString,
                ["Storage:TablePrefix"] = "inboxhost" + Guid.NewGuid().ToString("N")[..8],
                ["MailOutbox:Queue"] = TestStorage.UniqueQueue("mail-outbox"),
                ["Inbox:Queue"] = TestStorage.UniqueQueue("triage-inbox"),
                ["Queues:MaxPollingInterval"] = "00:00:00.200",
                ["Triage:DpoAddress"] = "dpo@trust.example",
                ["Triage:ComplaintsContact"] = "complaints@trust.example",
                // The staff in these tests write from their academy's domain, added to the Trust's own.
                ["Triage:TrustDomains:0"] = "oak.academy.example",
                ["GraphMail:ClientState"] = ClientState,
            }.Concat(settings).ToDictionary(p => p.Key, p => p.Value))));

    private static StringContent Notification(string clientState, string? lifecycle = null)
    {
        var item = new Dictionary<string, object?>
        {
            ["subscriptionId"] = Guid.NewGuid().ToString(),
            ["clientState"] = clientState,
            ["changeType"] = "created",
            ["resource"] = "Users/x/Messages/y",
            ["resourceData"] = new Dictionary<string, object?> { ["id"] = "y" },
        };
        if (lifecycle is not null) item["lifecycleEvent"] = lifecycle;
        return new StringContent(System.Text.Json.JsonSerializer.Serialize(new { value = new[] { item } }), Encoding.UTF8, "application/json");
    }

    [Fact]
    public async Task Webhook_body_over_the_limit_is_refused_when_chunked_as_when_it_has_a_length()
    {
        var root = Path.Combine(Path.GetTempPath(), "aipolicybot-hook-" + Guid.NewGuid().ToString("N"));
        await using var factory = Host(new() { ["LocalMail:Root"] = root });
        var client = factory.CreateClient();
        // Valid notifications, each with the right clientState, past 1 MB in total.
        var item = await Notification(ClientState).ReadAsStringAsync();
        var one = item[(item.IndexOf('[') + 1)..item.LastIndexOf(']')];
        var body = Encoding.UTF8.GetBytes("{\"value\":[" + string.Join(",", Enumerable.Repeat(one, RequestBody.GraphNotificationBytes / one.Length + 1)) + "]}");

        foreach (var chunked in new[] { false, true })
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/graph/notifications")
            {
                Content = chunked ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body),
            };
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.TransferEncodingChunked = chunked;
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Contains($"{RequestBody.GraphNotificationBytes} bytes", await response.Content.ReadAsStringAsync());
        }

        var storage = factory.Services.GetRequiredService<InboxStorage>();
        await storage.EnsureCreatedAsync(default);
        Assert.Empty((await storage.Queue.PeekMessagesAsync(5)).Value); // nothing rung
    }

    [Fact]
    public async Task Webhook_handshake_echoes_the_token_as_plain_text_and_a_wrong_clientState_is_rejected()
    {
        var root = Path.Combine(Path.GetTempPath(), "aipolicybot-hook-" + Guid.NewGuid().ToString("N"));
        await using var factory = Host(new() { ["LocalMail:Root"] = root });
        var client = factory.CreateClient();

        var token = "Validation: Token with spaces & <symbols>";
        var handshake = await client.PostAsync("/api/graph/notifications?validationToken=" + Uri.EscapeDataString(token), null);
        Assert.Equal(HttpStatusCode.OK, handshake.StatusCode);
        Assert.Equal("text/plain", handshake.Content.Headers.ContentType!.MediaType);
        Assert.Equal(token, await handshake.Content.ReadAsStringAsync());

        var forged = await client.PostAsync("/api/graph/notifications", Notification("not-the-secret"));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        var empty = await client.PostAsync("/api/graph/notifications", Notification(""));
        Assert.Equal(HttpStatusCode.Forbidden, empty.StatusCode);
        var storage = factory.Services.GetRequiredService<InboxStorage>();
        await storage.EnsureCreatedAsync(default);
        Assert.Empty((await storage.Queue.PeekMessagesAsync(5)).Value); // nothing rung

        var bad = await client.PostAsync("/api/graph/notifications", new StringContent("{not json", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"$\"", await bad.Content.ReadAsStringAsync()); // the errors name the field: the whole document
        var noValue = await client.PostAsync("/api/graph/notifications", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, noValue.StatusCode);

        var good = await client.PostAsync("/api/graph/notifications", Notification(ClientState));
        Assert.Equal(HttpStatusCode.Accepted, good.StatusCode);
    }

    [Fact]
    public async Task Duplicate_notifications_lead_to_one_triage_of_the_new_mail()
    {
        await using var graph = await FakeGraph.StartAsync();
        var id = graph.Deliver("sam.teacher@oak.academy.example", "Can we use Padlet for class boards?",
            "Hello, can we use Padlet with my Year 5 class? I would like approval. Thanks, Sam");
        await using var factory = Host(new()
        {
            ["GraphMail:Enabled"] = "true",
            ["GraphMail:Mailbox"] = Mailbox,
            ["GraphMail:BaseUrl"] = graph.BaseUrl + "/v1.0",
            ["GraphMail:RetryDelaySeconds"] = "0",
        });
        var client = factory.CreateClient();

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/api/graph/notifications", Notification(ClientState))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/api/graph/notifications", Notification(ClientState, "missed"))).StatusCode);

        var records = factory.Services.GetRequiredService<ITriageRecordStore>();
        var storage = factory.Services.GetRequiredService<InboxStorage>();
        var key = InboundMail.KeyFor("graph", id);
        // Wait until every doorbell has been handled: a message is deleted only after its sync ran. The count includes
        // messages a pump holds (peeking does not: it would end the wait while a doorbell is still being handled).
        // The deadline only bounds a broken run; a loaded 2-core machine takes far longer than an idle one.
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline
               && ((await records.GetAsync(key, default))?.Value.State != TriageRecordState.Done
                   || (await storage.Queue.GetPropertiesAsync()).Value.ApproximateMessagesCount > 0
                   || graph.Sends.Count == 0))
            await Task.Delay(200);

        var record = (await records.GetAsync(key, default))!.Value;
        Assert.Equal(TriageRecordState.Done, record.State);
        Assert.Equal(0, record.Attempts);                 // never resumed: processed exactly once
        Assert.Equal(1, graph.Message(id).MoveCount);
        Assert.Equal("AIP toolRequest", graph.Message(id).Folder);
        Assert.True(graph.DeltaCalls >= 2, "the doorbell ran the delta query");
        await Task.Delay(500);
        var ack = Assert.Single(graph.Sends);             // one acknowledgement, through the outbox and Graph
        Assert.Contains("sam.teacher@oak.academy.example", ack.To);
        Assert.Contains($"[{record.DraftReference}]", ack.Subject);
    }

    [Fact]
    public async Task An_eml_dropped_into_the_local_inbox_is_triaged_within_seconds_and_the_DPO_alert_appears_in_the_outbox()
    {
        var root = Path.Combine(Path.GetTempPath(), "aipolicybot-e2e-" + Guid.NewGuid().ToString("N"));
        await using var factory = Host(new() { ["LocalMail:Root"] = root, [AiPolicyBot.Hosting.Inbox.TriageWarmup.AtStartKey] = "true" });
        _ = factory.Server;
        try
        {
            // A running local host with the warm-up on: the classifier was trained at start-up (TriageWarmup).
            await factory.Services.GetRequiredService<AiPolicyBot.Hosting.Inbox.TriageWarmup>().Ready.WaitAsync(TimeSpan.FromSeconds(60));
            var message = new MimeMessage();
            message.From.Add(MailboxAddress.Parse("Sam Teacher <sam.teacher@oak.academy.example>"));
            message.To.Add(MailboxAddress.Parse(Mailbox));
            message.Subject = "I pasted pupil data into ChatGPT";
            message.Body = new TextPart("plain") { Text = "This morning I pasted pupil names and SEN notes for my class into ChatGPT to draft reports." };
            Directory.CreateDirectory(Path.Combine(root, "inbox"));
            var started = DateTime.UtcNow;
            await message.WriteToAsync(Path.Combine(root, "inbox", "report.eml"));

            var triaged = Path.Combine(root, "triaged", "breach", "report.eml");
            var outbox = Path.Combine(root, "outbox");
            var deadline = DateTime.UtcNow.AddSeconds(20);
            TimeSpan? filedAfter = null;
            while (DateTime.UtcNow < deadline && !(File.Exists(triaged) && Directory.Exists(outbox) && Directory.GetFiles(outbox, "*-dpo.eml").Length > 0))
            {
                if (filedAfter is null && File.Exists(triaged)) filedAfter = DateTime.UtcNow - started;
                await Task.Delay(100);
            }
            var elapsed = DateTime.UtcNow - started;

            Assert.True(File.Exists(triaged), "not filed under triaged/breach");
            var alert = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(outbox, "*-dpo.eml")));
            Assert.Equal("dpo@trust.example", alert.To.Mailboxes.Single().Address);
            Assert.True(elapsed < TimeSpan.FromSeconds(10), $"took {elapsed}, filed after {filedAfter}");
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }
}
