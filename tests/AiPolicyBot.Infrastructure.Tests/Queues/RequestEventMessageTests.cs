using System.Text.Json;
using AiPolicyBot.Common;
using AiPolicyBot.Infrastructure.Queues;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Infrastructure.Tests.Queues;

public sealed class RequestEventMessageTests
{
    private static readonly RequestEvent Decided = new("AIP-2026-0042", RequestEventKind.Decided, new DateTimeOffset(2026, 12, 7, 9, 30, 0, TimeSpan.Zero), "cio", "0123456789abcdef0123456789abcdef");

    [Fact]
    public void The_click_message_carries_the_outbox_row_version_and_reads_back_whole()
    {
        var read = RequestEventMessage.TryRead(new RequestEventMessage(Decided, "W/\"datetime'2026-12-07T09%3A30%3A00.1234567Z'\"").Write());

        Assert.NotNull(read);
        Assert.Equal(Decided, read.Event);
        Assert.Equal("W/\"datetime'2026-12-07T09%3A30%3A00.1234567Z'\"", read.OutboxVersion);
    }

    [Fact]
    public void A_relay_copy_and_a_message_from_before_versions_read_without_one()
    {
        Assert.Null(RequestEventMessage.TryRead(new RequestEventMessage(Decided, null).Write())!.OutboxVersion);
        var bare = JsonSerializer.Serialize(Decided, AiPolicyJson.Options); // what the queue held before the version was added
        Assert.Equal(new RequestEventMessage(Decided, null), RequestEventMessage.TryRead(bare));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"reference\":\"nope\",\"kind\":\"decided\"}")]
    [InlineData("{\"reference\":\"AIP-2026-0042\",\"kind\":\"noSuchKind\"}")]
    public void Anything_else_is_not_a_request_event(string message) => Assert.Null(RequestEventMessage.TryRead(message));
}
