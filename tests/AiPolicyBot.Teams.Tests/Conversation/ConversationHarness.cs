using System.Collections.Concurrent;
using System.Text.Json;
using AiPolicyBot.Academies;
using AiPolicyBot.Application.Requests;
using AiPolicyBot.Audit;
using AiPolicyBot.Common;
using AiPolicyBot.Policy;
using AiPolicyBot.Register;
using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Conversation.Staff;
using AiPolicyBot.Teams.Protocol;
using AiPolicyBot.Teams.Protocol.Auth;
using AiPolicyBot.Teams.Protocol.Connector;
using AiPolicyBot.Testing.Time;
using AiPolicyBot.Training;
using Microsoft.Extensions.Options;
using Moq;

namespace AiPolicyBot.Teams.Tests.Conversation;

/// <summary>The staff conversation over in-memory stores and a recording connector, for handler unit tests.</summary>
internal sealed class ConversationHarness
{
    public const string UserId = "7faf8ab2-3d56-4244-b585-20c8a42ed2b8";

    public Mock<ITrainingStore> TrainingStore { get; } = new();
    public Mock<IRequestStore> Requests { get; } = new();
    public Mock<IAuditLog> Audit { get; } = new();
    public Mock<IRequestEventPublisher> Events { get; } = new();
    public Mock<IIdempotencyStore> Idempotency { get; } = new();
    public Mock<IConnectorClient> Connector { get; } = new();
    public ConcurrentQueue<Activity> Sent { get; } = new();
    public StaffConversation Conversation { get; }
    public TrainingRecorder Recorder { get; }
    public RequestSubmission Submission { get; }
    public TrainingCache Training { get; }

    /// <param name="demoRegister">False: an empty register, as a new deployment outside Development starts.</param>
    public ConversationHarness(bool demoRegister = true)
    {
        var time = new ManualClock(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));
        var register = new RegisterCache(new InMemoryRegisterStore(), time, TimeSpan.Zero, demoRegister ? DemoRegister.Entries : null);
        TrainingStore.Setup(s => s.ListForUserAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        TrainingStore.Setup(s => s.RecordAsync(It.IsAny<TrainingRecord>(), It.IsAny<CancellationToken>())).ReturnsAsync((TrainingRecord r, CancellationToken _) => r);
        Training = new TrainingCache(TrainingStore.Object);
        var academies = new AcademyOptions { Items = { ["oakfield"] = new AcademyInfo { Name = "Oakfield Academy" } } };
        Conversation = new StaffConversation(register, Training, time,
            Mock.Of<IOptionsMonitor<AcademyOptions>>(m => m.CurrentValue == academies),
            Support.TestUnderstanding.Create(academies));
        Recorder = new TrainingRecorder(Conversation, time, Mock.Of<IOptionsMonitor<PolicyOptions>>(m => m.CurrentValue == new PolicyOptions()));
        Idempotency.Setup(s => s.TryClaimAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        Requests.Setup(s => s.NextReferenceAsync(2026, It.IsAny<CancellationToken>())).ReturnsAsync("AIP-2026-0001");
        Requests.Setup(s => s.CreateAsync(It.IsAny<ToolRequest>(), It.IsAny<RequestEvent>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((ToolRequest r, RequestEvent e, CancellationToken _) => new CommittedChange(new Versioned<ToolRequest>(r, "v1"), new Versioned<RequestEvent>(e, "event-v1")));
        Submission = new RequestSubmission(Requests.Object, Audit.Object, Events.Object, Idempotency.Object, register, Training,
            new IntakeParser(academies.ValidIds()), new PolicyRouter(new PolicyOptions()), time);
        Connector.Setup(c => c.ReplyAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Callback((string _, string _, string _, Activity a, CancellationToken _) => Sent.Enqueue(a))
            .ReturnsAsync(new ResourceResponse("reply-1"));
    }

    public TurnContext Turn(string text = "", JsonElement? value = null) => new(new Activity
    {
        Type = ActivityTypes.Message,
        Id = "act-1",
        Text = text,
        Value = value,
        ServiceUrl = "http://localhost:3978/",
        From = new ChannelAccount { Id = "29:user-1", Name = "Megan Bowen", AadObjectId = UserId },
        Recipient = new ChannelAccount { Id = "28:bot", Name = "AiPolicyBot" },
        Conversation = new ConversationAccount { Id = "a:1", ConversationType = "personal" },
    }, AuthMode.LocalUnauthenticated, Connector.Object);

    public static CardActionInvoke Action(string verb, object data) =>
        new(verb, null, JsonSerializer.SerializeToElement(data, AiPolicyJson.Options), "manual");

    /// <summary>The card of an Action.Execute reply, as JSON.</summary>
    public static JsonElement CardOf(AdaptiveCardInvokeResponse response)
    {
        Assert.Equal(AdaptiveCardInvokeResponse.CardType, response.Type);
        return JsonSerializer.SerializeToElement(response.Value, AiPolicyJson.Options);
    }
}
