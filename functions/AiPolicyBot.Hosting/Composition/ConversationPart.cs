using AiPolicyBot.Academies;
using AiPolicyBot.Hosting.Jobs;
using AiPolicyBot.Infrastructure.Queues;
using AiPolicyBot.Policy;
using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Conversation.Staff;
using AiPolicyBot.Training;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Hosting;

/// <summary>
/// The staff conversation: the training cache, the request submission service, the request-events queue
/// (publisher + job) and the Teams handlers. Call after the storage, policy and Teams parts.
/// </summary>
public static class ConversationPart
{
    public static IServiceCollection AddConversationPart(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(sp => new TrainingCache(sp.GetRequiredService<ITrainingStore>()));
        services.TryAddSingleton(sp => new IntakeParser(sp.GetRequiredService<IOptionsMonitor<AcademyOptions>>().CurrentValue.ValidIds()));
        services.TryAddSingleton(sp => new PolicyRouter(sp.GetRequiredService<IOptionsMonitor<PolicyOptions>>().CurrentValue));
        services.TryAddSingleton<RequestSubmission>();

        services.TryAddSingleton<IRequestEventPublisher, QueueRequestEventPublisher>();
        services.TryAddSingleton<RequestEventsJob>();
        services.AddSingleton<IQueueJob>(sp => sp.GetRequiredService<RequestEventsJob>());

        services.AddStaffConversation();
        services.TryAddSingleton<ConversationPreviewEndpoint>();
        return services;
    }
}
