using AiPolicyBot.Academies;
using AiPolicyBot.Application.Approvals;
using AiPolicyBot.Approvals;
using AiPolicyBot.Infrastructure.Approvals;
using AiPolicyBot.Infrastructure.Mail;
using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Approvals;
using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Protocol;
using AiPolicyBot.Teams.Protocol.Connector;
using AiPolicyBot.Testing.Approvals;
using AiPolicyBot.Testing.Graph;
using AiPolicyBot.Testing.Messaging;
using AiPolicyBot.Testing.Stores;
using AiPolicyBot.Testing.Time;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using static AiPolicyBot.Testing.Approvals.ApprovalSamples;

namespace AiPolicyBot.Hosting.Tests.Approvals;

/// <summary>
/// Reaching approvers who never opened the bot, with the real GraphServiceClient against a fake Graph on loopback:
/// install then the 1:1 chat, a refusal ends in an email and an administrator alert, a passing failure is retried.
/// </summary>
public sealed class GraphReachTests : IAsyncLifetime
{
    private const string CatalogId = "0f9c1e2d-3b4a-4c5d-8e6f-7a8b9c0d1e2f";
    private const string ServiceUrl = "http://127.0.0.1:28050/_connector";
    private const string Ref = "AIP-2026-0042";
    private FakeTeamworkGraph _graph = null!;
    private readonly Mock<IConnectorClient> _connector = new();
    private readonly List<string> _sentTo = [];

    public async Task InitializeAsync()
    {
        _graph = await FakeTeamworkGraph.StartAsync(CatalogId);
        _connector.Setup(c => c.SendAsync(ServiceUrl, It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Callback<string, string, Activity, CancellationToken>((_, conversation, _, _) => { lock (_sentTo) _sentTo.Add(conversation); })
            .ReturnsAsync(new ResourceResponse("m-1"));
    }

    public async Task DisposeAsync() => await _graph.DisposeAsync();

    private (ApprovalDelivery Delivery, MemoryDeliveryLog Log, MemoryDecisionLog Outbox, MemoryAdminAlerts Alerts, ManualClock Time, MemoryReferences References, GraphPersonMail People) Wire(ToolRequest request)
    {
        var graph = new GraphMailClient(new GraphMailOptions { BaseUrl = _graph.BaseUrl, MaxRetry = 0 });
        var installer = new GraphTeamsAppInstaller(graph, new TeamsAppOptions { CatalogAppId = CatalogId }, NullLogger<GraphTeamsAppInstaller>.Instance);
        var references = new MemoryReferences();
        var messenger = new ConnectorApprovalMessenger(new ProactiveMessenger(references, _connector.Object), references, _connector.Object,
            Options.Create(new ApprovalOptions { ServiceUrl = ServiceUrl, TenantId = "tenant-1" }), Options.Create(new BotOptions { AppId = "app" }),
            NullLogger<ConnectorApprovalMessenger>.Instance, installer);
        var log = new MemoryDeliveryLog();
        var academies = new AcademyOptions();
        var cards = new ApprovalCardService(new MemoryCardStore(), messenger, new PrefixTeamsIds(),
            Mock.Of<IOptionsMonitor<AcademyOptions>>(m => m.CurrentValue == academies), NullLogger<ApprovalCardService>.Instance, log);
        var requests = new MemoryRequestStore();
        requests.CreateAsync(request, default).GetAwaiter().GetResult();
        var outbox = new MemoryDecisionLog();
        var alerts = new MemoryAdminAlerts();
        var time = new ManualClock(Submitted.AddHours(1));
        var delivery = new ApprovalDelivery(cards, log, outbox, alerts, requests, new FixedDirectorySource(Directory()),
            Options.Create(new ApprovalOptions()), time, NullLogger<ApprovalDelivery>.Instance);
        return (delivery, log, outbox, alerts, time, references, new GraphPersonMail(graph));
    }

    [Fact]
    public async Task An_approver_without_the_app_gets_it_installed_and_the_card_in_their_new_chat()
    {
        var w = Wire(TrustRequest());
        var result = await w.Delivery.DeliverAsync(TrustRequest(), Directory(), Cio, "CIO", CardAudience.Approver, 0, default);

        Assert.Equal(DeliveryStatus.Chat, result.Status);
        Assert.True(_graph.IsInstalled(Cio));
        Assert.Equal($"{_graph.BaseUrl}/appCatalogs/teamsApps/{CatalogId}", _graph.LastBind);
        Assert.Equal([FakeTeamworkGraph.ChatOf(Cio)], _sentTo);
        Assert.Equal(FakeTeamworkGraph.ChatOf(Cio), (await w.References.FindPersonalAsync(Cio, default))!.ConversationId); // remembered
        var calls = _graph.Requests.Count;

        // The next card goes straight to the remembered chat: Graph is not asked again.
        await w.Delivery.DeliverAsync(TrustRequest(), Directory(), Cio, "CIO", CardAudience.Approver, 0, default);
        Assert.Equal(calls, _graph.Requests.Count);
        Assert.Equal(2, _sentTo.Count);
    }

    [Fact]
    public async Task An_approver_Graph_may_not_install_for_is_emailed_at_their_address_and_the_administrators_alerted()
    {
        _graph.Blocked.Add(Dpo);
        _graph.Mail[Dpo] = "dpo@trust.example";
        var w = Wire(TrustRequest());
        var result = await w.Delivery.DeliverAsync(TrustRequest(), Directory(), Dpo, "DPO", CardAudience.Approver, 0, default);

        Assert.Equal(DeliveryStatus.Email, result.Status);
        Assert.Empty(_sentTo);
        var job = Assert.Single(w.Outbox.Outbox.Values);
        Assert.Equal((AiPolicyBot.Mail.MailKind.CardByEmail, Dpo), (job.Kind, AiPolicyBot.Mail.OutboxJob.PersonOf(job)));
        Assert.Equal("dpo@trust.example", await w.People.AddressOfAsync(Dpo, default));
        Assert.Null(await w.People.AddressOfAsync(Stranger, default));
        Assert.Equal("PersonUnreachable", Assert.Single(w.Alerts.Raised.Values).Kind);
    }

    [Fact]
    public async Task A_Graph_outage_is_retried_with_back_off_and_then_installs()
    {
        _graph.FailInstalls = 1;
        var w = Wire(TrustRequest());
        var first = await w.Delivery.DeliverAsync(TrustRequest(), Directory(), Cdo, "CDO", CardAudience.Approver, 0, default);
        Assert.Equal((DeliveryStatus.Retrying, 1), (first.Status, first.Attempts));
        Assert.False(_graph.IsInstalled(Cdo));

        w.Time.Now = first.NextAttemptAt!.Value;
        await w.Delivery.RetryDueAsync(default);
        var second = w.Log.Rows[(Ref, Cdo)];
        Assert.Equal((DeliveryStatus.Chat, 2), (second.Status, second.Attempts));
        Assert.Equal([FakeTeamworkGraph.ChatOf(Cdo)], _sentTo);
        Assert.Empty(w.Alerts.Raised);
    }
}
