using System.Net;
using System.Text.Json;
using AiPolicyBot.Approvals;
using AiPolicyBot.Conversations;
using AiPolicyBot.Teams.Approvals;
using AiPolicyBot.Teams.Approvals.Handlers;
using AiPolicyBot.Teams.Cards.Model;
using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Protocol;
using AiPolicyBot.Teams.Protocol.Auth;
using AiPolicyBot.Teams.Protocol.Connector;
using AiPolicyBot.Testing.Approvals;
using AiPolicyBot.Testing.Stores;
using AiPolicyBot.Testing.Time;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using static AiPolicyBot.Testing.Approvals.ApprovalSamples;

namespace AiPolicyBot.Teams.Tests.Approvals;

/// <summary>The approval parts that touch the Teams protocol: the invoke adapter, the connector messenger, pending approvals.</summary>
public class ApprovalTeamsWiringTests
{
    private const string Ref = "AIP-2026-0042";

    [Fact]
    public async Task An_adaptiveCard_action_invoke_reaches_the_verb_handler_with_the_clicker_from_the_activity()
    {
        var rig = new ApprovalRig();
        await rig.SubmitAsync(TrustRequest());
        var handler = rig.Handlers[RejectHandler.VerbName];
        var activity = JsonSerializer.Deserialize<Activity>($$$"""
            {"type":"invoke","name":"adaptiveCard/action","id":"a1","replyToId":"act-1","serviceUrl":"http://localhost:28050/_connector",
             "from":{"id":"29:dpo","name":"Dee Pio","aadObjectId":"{{{Dpo}}}"},"conversation":{"id":"a:chat"},
             "value":{"action":{"type":"Action.Execute","verb":"approval.reject","data":{"reference":"{{{Ref}}}","rejectReason":"No DPA."}},"trigger":"manual"}}
            """, AiPolicyBot.Common.AiPolicyJson.Options)!;
        var invoke = new CardActionInvoke(RejectHandler.VerbName, null, JsonDocument.Parse($$"""{"reference":"{{Ref}}","rejectReason":"No DPA."}""").RootElement, "manual");
        var response = await handler.HandleAsync(new TurnContext(activity, AuthMode.Channel, Mock.Of<IConnectorClient>()), invoke, default);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(AdaptiveCardInvokeResponse.CardType, response.Type);
        Assert.Equal(AiPolicyBot.Requests.RequestState.Rejected, rig[Ref].State);
        Assert.Equal("Dee Pio", rig[Ref].Decisions.Single().ApproverName);
    }

    [Fact]
    public async Task Messenger_uses_the_stored_1to1_chat_or_finds_the_approver_in_the_channel_and_opens_one()
    {
        var references = new MemoryReferences();
        await references.SaveAsync(new ConversationReference("a:cio", "http://localhost:28050/_connector", "msteams", "t", "personal", "29:cio", Cio, "28:bot", "Bot"), default);
        var connector = new Mock<IConnectorClient>();
        connector.Setup(c => c.SendAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ResourceResponse("m-1"));
        connector.Setup(c => c.GetMemberAsync("http://localhost:28050/_connector", "19:approvals", Cdo, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new TeamsChannelAccount { Id = "29:cdo", AadObjectId = Cdo });
        connector.Setup(c => c.CreateConversationAsync(It.IsAny<string>(), It.Is<ConversationParameters>(p => p.Members[0].Id == "29:cdo" && p.TenantId == "tenant-1"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ConversationResourceResponse("a:cdo"));
        connector.Setup(c => c.GetMemberAsync(It.IsAny<string>(), It.IsAny<string>(), Stranger, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConnectorException(HttpStatusCode.NotFound, "get member", "MemberNotFound", null));
        var messenger = new ConnectorApprovalMessenger(new ProactiveMessenger(references, connector.Object), references, connector.Object,
            Options.Create(new ApprovalOptions { ChannelConversationId = "19:approvals", ServiceUrl = "http://localhost:28050/_connector", TenantId = "tenant-1" }),
            Options.Create(new BotOptions { AppId = "app" }), NullLogger<ConnectorApprovalMessenger>.Instance);
        var card = new AdaptiveCard { Body = [new TextBlock { Text = "x" }] };

        Assert.Equal(new PostedCard("a:cio", "m-1", "http://localhost:28050/_connector"), await messenger.SendCardToUserAsync(Cio, card, default));
        Assert.Equal(new PostedCard("a:cdo", "m-1", "http://localhost:28050/_connector"), await messenger.SendCardToUserAsync(Cdo, card, default));
        Assert.Equal("29:cdo", (await references.FindPersonalAsync(Cdo, default))!.UserId);     // remembered for next time
        Assert.Null(await messenger.SendCardToUserAsync(Stranger, card, default));
        connector.Verify(c => c.SendAsync(It.IsAny<string>(), "a:cdo",
            It.Is<Activity>(a => a.Attachments!.Single().ContentType == AdaptiveCard.ContentType && a.Text == null), It.IsAny<CancellationToken>()));
        Assert.Equal(["29:cio", "29:cdo"], await new StoredTeamsUserIds(references).MrisForAsync([Cio, Cdo, Stranger], default));
    }

    [Fact]
    public async Task An_approver_without_a_chat_is_looked_up_again_only_after_the_miss_expires()
    {
        var references = new MemoryReferences();
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var ids = new StoredTeamsUserIds(references, clock);
        Assert.Empty(await ids.MrisForAsync([Cdo], default));

        await references.SaveAsync(new ConversationReference("a:cdo", "http://localhost:28050/_connector", "msteams", "t", "personal", "29:cdo", Cdo, null, null), default);
        Assert.Empty(await ids.MrisForAsync([Cdo], default)); // still remembered as missing: no read per card
        clock.Advance(StoredTeamsUserIds.MissFor);

        Assert.Equal(["29:cdo"], await ids.MrisForAsync([Cdo], default));
    }

    [Fact]
    public async Task Blocked_recipients_are_unreachable_not_errors()
    {
        var references = new MemoryReferences();
        await references.SaveAsync(new ConversationReference("a:cio", "http://localhost:28050/_connector", "msteams", "t", "personal", "29:cio", Cio, null, null), default);
        var connector = new Mock<IConnectorClient>();
        connector.Setup(c => c.SendAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConnectorException(HttpStatusCode.Forbidden, "send", null, """{"errorCode":209,"message":"{\"subCode\":\"MessageWritesBlocked\"}"}"""));
        var messenger = new ConnectorApprovalMessenger(new ProactiveMessenger(references, connector.Object), references, connector.Object,
            Options.Create(new ApprovalOptions()), Options.Create(new BotOptions()), NullLogger<ConnectorApprovalMessenger>.Instance);
        Assert.False(await messenger.SendTextToUserAsync(Cio, "hi", default));
    }

    [Fact]
    public async Task Pending_approvals_lists_only_what_this_person_may_decide_with_open_buttons()
    {
        var rig = new ApprovalRig();
        await rig.SubmitAsync(TrustRequest("AIP-2026-0001"));
        await rig.SubmitAsync(AcademyRequest("AIP-2026-0002"));
        await rig.SubmitAsync(TrustRequest("AIP-2026-0003", requester: Cio));
        await rig.ClickAsync(ApproveHandler.VerbName, Cdo, "AIP-2026-0001");
        var query = new PendingApprovalsQuery(rig.Requests, new FixedDirectorySource(Directory()));

        Assert.Equal(["AIP-2026-0001"], (await query.ForAsync(Cio, default)).Select(r => r.Reference));      // not their own 0003
        Assert.Equal(["AIP-2026-0003"], (await query.ForAsync(Cdo, default)).Select(r => r.Reference));      // 0001 already decided
        Assert.Equal(["AIP-2026-0002"], (await query.ForAsync(OakfieldDeputy, default)).Select(r => r.Reference));
        Assert.Empty(await query.ForAsync(Stranger, default));

        var card = await query.CardForAsync(CioDeputy, default);
        var json = card.ToJson();
        Assert.Contains("\"verb\":\"approval.refresh\",\"data\":{\"reference\":\"AIP-2026-0001\"}", json, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"approval.refresh\",\"data\":{\"reference\":\"AIP-2026-0003\"}", json, StringComparison.Ordinal);
        await AiPolicyBot.Teams.Tests.Cards.CardValidator.AssertAllValidAsync([("pending for CIO deputy", card), ("pending for stranger", await query.CardForAsync(Stranger, default))]);
    }
}
