using System.Text.Json;
using System.Text.Json.Nodes;
using AiPolicyBot.Academies;
using AiPolicyBot.Application.Approvals;
using AiPolicyBot.Application.Register;
using AiPolicyBot.Approvals;
using AiPolicyBot.Policy;
using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Approvals;
using AiPolicyBot.Teams.Approvals.Handlers;
using AiPolicyBot.Teams.Cards.Model;
using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Protocol;
using AiPolicyBot.Teams.Protocol.Auth;
using AiPolicyBot.Teams.Protocol.Connector;
using AiPolicyBot.Testing.Approvals;
using AiPolicyBot.Testing.Messaging;
using AiPolicyBot.Testing.Stores;
using AiPolicyBot.Testing.Time;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using static AiPolicyBot.Testing.Approvals.ApprovalSamples;

namespace AiPolicyBot.Teams.Tests.Approvals;

/// <summary>The whole approval flow wired over in-memory stores, with every card the test saw kept for validation.</summary>
internal sealed class ApprovalRig
{
    public MemoryRequestStore Requests { get; } = new();
    public MemoryDecisionLog Decisions { get; } = new();
    public MemoryAuditLog Audit { get; } = new();
    public MemoryCardStore Copies { get; } = new();
    public MemoryRegisterStore Register { get; } = new();
    public RecordingMessenger Messenger { get; } = new();
    public CountingRegisterListener RegisterListener { get; } = new();
    public ManualClock Time { get; } = new(Submitted.AddHours(1));
    public MemoryDeliveryLog Deliveries { get; } = new();
    public MemoryAdminAlerts Alerts { get; } = new();
    public ApprovalDelivery Delivery { get; }
    public InlinePublisher Events { get; }
    public ApprovalWorkflow Workflow { get; }
    public ApprovalCardService Cards { get; }
    public ApprovalFollowUp FollowUp { get; }
    public IReadOnlyDictionary<string, ICardActionHandler> Handlers { get; }
    public List<(string Name, AdaptiveCard Card)> Seen { get; } = [];

    public ApprovalRig(ApproverDirectory? directory = null, string? channel = null)
    {
        var source = new FixedDirectorySource(directory ?? Directory());
        Events = new InlinePublisher(Requests);
        Workflow = new ApprovalWorkflow(Requests, Decisions, Decisions, Audit, source, Events, Time);
        var academies = new AcademyOptions { Items = { ["oakfield"] = new AcademyInfo { Name = "Oakfield Academy" } } };
        Cards = new ApprovalCardService(Copies, Messenger, new PrefixTeamsIds(),
            Mock.Of<IOptionsMonitor<AcademyOptions>>(m => m.CurrentValue == academies), NullLogger<ApprovalCardService>.Instance, Deliveries);
        var approvalOptions = Options.Create(new ApprovalOptions { ChannelConversationId = channel });
        Delivery = new ApprovalDelivery(Cards, Deliveries, Decisions, Alerts, Requests, source, approvalOptions, Time, NullLogger<ApprovalDelivery>.Instance);
        FollowUp = new ApprovalFollowUp(source, Cards, new ChatApprovalNotices(Messenger), Delivery, new MemoryIdempotency(),
            new RegisterRecorder(Register, Audit, Time), RegisterListener,
            approvalOptions,
            Options.Create(new PolicyOptions { NextPolicyReviewDate = new DateOnly(2027, 7, 31) }), NullLogger<ApprovalFollowUp>.Instance);
        // As composed: the decision rows first, then the cards and messages that report them.
        Events.Handlers.Add(new DecisionRecorder(Decisions, Decisions, Audit));
        Events.Handlers.Add(FollowUp);
        ICardActionHandler[] handlers =
        [
            new RefreshApprovalHandler(Workflow, Cards), new ApproveHandler(Workflow, Cards), new ApproveWithConditionsHandler(Workflow, Cards),
            new RejectHandler(Workflow, Cards), new AskInformationHandler(Workflow, Cards), new AnswerInformationHandler(Workflow, Cards),
            new WithdrawHandler(Workflow, Cards),
            new TickCheckHandler(Workflow, Cards),
        ];
        Handlers = handlers.ToDictionary(h => h.Verb);
    }

    /// <summary>Stores a request and publishes Submitted, as RequestSubmission does.</summary>
    public async Task SubmitAsync(ToolRequest request)
    {
        await Requests.CreateAsync(request, default);
        await Events.PublishAsync(new RequestEvent(request.Reference, RequestEventKind.Submitted, Time.GetUtcNow(), request.RequesterId), outboxVersion: null, default);
        foreach (var sent in Messenger.CardsSent) Seen.Add(($"sent to {sent.UserId}", sent.Card));
    }

    /// <summary>Clicks <paramref name="verb"/> on the card as <paramref name="userId"/>, with input values.</summary>
    public async Task<Answer> ClickAsync(string verb, string userId, string reference, params (string Key, string Value)[] inputs)
    {
        var data = new JsonObject { [ApprovalCommandHandler.ReferenceKey] = reference };
        foreach (var (k, v) in inputs) data[k] = v;
        var result = await InvokeAsync(verb, data, userId, "Person " + userId[^4..]);
        if (result.Card is { } card) Seen.Add(($"{verb} by {userId[^4..]}", card));
        return result;
    }

    /// <summary>The card action answer as the tests read it: the card shown (if any) and the status in the body.</summary>
    public sealed record Answer(AdaptiveCard? Card, int StatusCode);

    /// <summary>An adaptiveCard/action for <paramref name="verb"/> as Teams sends it, from <paramref name="userId"/> (none: anonymous).</summary>
    public async Task<Answer> InvokeAsync(string verb, JsonObject data, string? userId, string? name = null, bool automatic = false)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Invoke,
            Name = CardActionInvokeHandler.InvokeName,
            ServiceUrl = "http://127.0.0.1:9/_connector",
            From = new ChannelAccount { Id = userId is null ? null : "29:" + userId, Name = name, AadObjectId = userId },
            Conversation = new ConversationAccount { Id = "a:chat" },
        };
        var action = new CardActionInvoke(verb, null, JsonSerializer.SerializeToElement(data), automatic ? "automatic" : "manual");
        var response = await Handlers[verb].HandleAsync(new TurnContext(activity, AuthMode.Channel, Mock.Of<IConnectorClient>()), action, default);
        return new Answer(response.Value as AdaptiveCard, response.StatusCode);
    }

    public ToolRequest this[string reference] => Requests[reference];

    /// <summary>Approver or requester buttons are in an ActionSet; the read-only view has none.</summary>
    /// <summary>The card offers a decision (approve, reject, conditions, a question) anywhere, however deep in "More".</summary>
    public static bool HasDecisionButtons(AdaptiveCard card)
    {
        var json = card.ToJson();
        return new[] { ApproveHandler.VerbName, ApproveWithConditionsHandler.VerbName, RejectHandler.VerbName, AskInformationHandler.VerbName }
            .Any(verb => json.Contains($"\"verb\":\"{verb}\"", StringComparison.Ordinal));
    }
}
