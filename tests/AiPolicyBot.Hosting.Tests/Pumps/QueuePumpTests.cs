using System.Text;
using AiPolicyBot.LocalHost.Pumps;
using AiPolicyBot.Testing.Azurite;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiPolicyBot.Hosting.Tests.Pumps;

/// <summary>The local queue pump against Azurite: the same outcomes as the Functions queue trigger.</summary>
public class QueuePumpTests
{
    private static readonly QueuePumpOptions Fast = new()
    {
        VisibilityTimeout = TimeSpan.Zero,
        MinPollingInterval = TimeSpan.FromMilliseconds(20),
        MaxPollingInterval = TimeSpan.FromMilliseconds(100),
    };

    private static QueueClient Producer(string queue) =>
        new(TestStorage.ConnectionString, queue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    private static QueueClient Raw(string queue) => new(TestStorage.ConnectionString, queue);

    private static async Task RunUntil(QueuePump pump, Func<Task<bool>> done)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var run = pump.RunAsync(cts.Token);
        while (!await done())
        {
            Assert.False(cts.IsCancellationRequested, "the pump did not finish in time");
            await Task.Delay(50);
        }
        await cts.CancelAsync();
        await run;
    }

    [Fact]
    public async Task A_handled_message_is_decoded_and_deleted()
    {
        var name = TestStorage.UniqueQueue("pump-ok");
        var producer = Producer(name);
        await producer.CreateAsync();
        await producer.SendMessageAsync("""{"requestId":"AIP-2026-0001","note":"é ✓"}""");
        var job = new RecordingQueueJob(name);

        await RunUntil(QueuePump.Create(job, TestStorage.ConnectionString, Fast, NullLogger.Instance),
            async () => job.Successes == 1 && (await Raw(name).PeekMessagesAsync(1)).Value.Length == 0);

        Assert.Equal("""{"requestId":"AIP-2026-0001","note":"é ✓"}""", Assert.Single(job.Received));
        Assert.Empty((await Raw(name).PeekMessagesAsync(10)).Value);
        Assert.False((await Raw(name + "-poison").ExistsAsync()).Value);
    }

    [Fact]
    public async Task A_failing_message_is_tried_five_times_then_moved_to_the_poison_queue()
    {
        var name = TestStorage.UniqueQueue("pump-fail");
        var producer = Producer(name);
        await producer.CreateAsync();
        await producer.SendMessageAsync("fail: this one always throws");
        await producer.SendMessageAsync("fine");
        var job = new RecordingQueueJob(name);
        var poison = Producer(name + "-poison");

        await RunUntil(QueuePump.Create(job, TestStorage.ConnectionString, Fast, NullLogger.Instance),
            async () => (await poison.ExistsAsync()).Value && (await poison.PeekMessagesAsync(1)).Value.Length == 1);

        Assert.Equal(5, job.Received.Count(m => m.StartsWith("fail", StringComparison.Ordinal)));
        Assert.Equal(1, job.Successes);
        var poisoned = Assert.Single((await poison.PeekMessagesAsync(10)).Value);
        Assert.Equal("fail: this one always throws", poisoned.Body.ToString()); // still Base64, still readable by a poison handler
        Assert.Empty((await Raw(name).PeekMessagesAsync(10)).Value);
    }

    [Fact]
    public async Task A_message_that_is_not_base64_goes_to_poison_without_reaching_the_handler()
    {
        var name = TestStorage.UniqueQueue("pump-raw");
        await Raw(name).CreateAsync();
        await Raw(name).SendMessageAsync("plain text, not base64!");
        var job = new RecordingQueueJob(name);
        var poison = Raw(name + "-poison");

        await RunUntil(QueuePump.Create(job, TestStorage.ConnectionString, Fast, NullLogger.Instance),
            async () => (await poison.ExistsAsync()).Value && (await poison.PeekMessagesAsync(1)).Value.Length == 1);

        Assert.Empty(job.Received);
        Assert.Equal("plain text, not base64!", (await poison.PeekMessagesAsync(1)).Value[0].MessageText);
    }

    [Fact]
    public async Task A_failed_message_waits_the_visibility_timeout_before_its_next_attempt()
    {
        var name = TestStorage.UniqueQueue("pump-wait");
        var producer = Producer(name);
        await producer.CreateAsync();
        await producer.SendMessageAsync("fail once");
        var job = new RecordingQueueJob(name);
        var pump = QueuePump.Create(job, TestStorage.ConnectionString, Fast with { VisibilityTimeout = TimeSpan.FromSeconds(30) }, NullLogger.Instance);

        Assert.Equal(1, await pump.PumpOnceAsync(CancellationToken.None));
        Assert.Equal(0, await pump.PumpOnceAsync(CancellationToken.None)); // hidden for 30 s, not lost
        Assert.Single(job.Received);
        Assert.Equal(1, (await Raw(name).GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }
}
