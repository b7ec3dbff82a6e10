using AiPolicyBot.Academies;
using AiPolicyBot.Application.Requests;
using AiPolicyBot.Hosting.Jobs;
using AiPolicyBot.Infrastructure.Queues;
using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Policy;
using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Conversation.Staff;

namespace AiPolicyBot.Hosting;

/// <summary>
/// The staff conversation: the request submission service, the request events (outbox rows,
/// publisher, relay, queue job and poison job) and the Teams handlers.
/// </summary>
public static class ConversationPart
{
    public static IServiceCollection AddConversationPart(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp => new IntakeParser(sp.GetRequiredService<IOptionsMonitor<AcademyOptions>>().CurrentValue.ValidIds()));
        services.AddSingleton(sp => new PolicyRouter(sp.GetRequiredService<IOptionsMonitor<PolicyOptions>>().CurrentValue));
        services.AddSingleton<RequestSubmission>();

        // Request events: an outbox row committed with each change, sent to the queue, re-sent by the relay,
        // handled once, and poisoned with an administrator alert after every retry.
        services.AddSingleton<IRequestEventPublisher, QueueRequestEventPublisher>();
        services.AddSingleton<TableRequestEventLog>();
        services.AddSingleton<RequestEventRelay>();
        services.AddSingleton<RequestEventPoisonHandler>();
        services.AddSingleton<RequestEventsJob>();
        services.AddSingleton<IQueueJob>(sp => sp.GetRequiredService<RequestEventsJob>());
        services.AddSingleton<IQueueJob, RequestEventPoisonJob>();
        services.AddSingleton<ITimerJob, RequestEventRelayJob>();

        services.AddStaffConversation();
        services.AddSingleton<ConversationPreviewEndpoint>();
        return services;
    }
}
