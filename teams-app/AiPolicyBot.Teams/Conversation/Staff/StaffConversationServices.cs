using AiPolicyBot.Academies;
using AiPolicyBot.Register;
using AiPolicyBot.Teams.Conversation.Understanding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AiPolicyBot.Teams.Conversation.Staff;

/// <summary>
/// Registers the staff conversation: the message handler (replacing the protocol's placeholder), "help", the
/// welcome, one responder per intent and one handler per card verb. Needs RegisterCache, TrainingCache,
/// RequestSubmission and IRequestStore from the composition root.
/// </summary>
public static class StaffConversationServices
{
    public static IServiceCollection AddStaffConversation(this IServiceCollection services)
    {
        services.TryAddSingleton<StaffConversation>();
        services.AddMessageUnderstanding();
        services.TryAddSingleton<TrainingRecorder>();
        // Demand for tools is counted in memory unless a durable counter replaces it (the message-extension part).
        services.TryAddSingleton<IToolDemand, InMemoryToolDemand>();
        // Each person's academy, in memory unless the storage part replaces the store with the durable one.
        services.TryAddSingleton<IStaffAcademyStore, InMemoryStaffAcademyStore>();
        services.TryAddSingleton<StaffAcademies>();
        services.AddSingleton<StaffMessageHandler>();
        services.AddSingleton<IMessageHandler>(sp => sp.GetRequiredService<StaffMessageHandler>());
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<StaffMessageHandler>());

        // The protocol's placeholder welcome is replaced, not doubled.
        var placeholder = services.Where(d => d.ServiceType == typeof(IInstallHandler) && d.ImplementationType == typeof(WelcomeInstallHandler)).ToList();
        foreach (var d in placeholder) services.Remove(d);
        services.AddSingleton<IInstallHandler, StaffWelcomeHandler>();

        services.AddSingleton<IIntentResponder, AskToolResponder>();
        services.AddSingleton<IIntentResponder, RequestApprovalResponder>();
        services.AddSingleton<IIntentResponder, ListApprovedResponder>();
        services.AddSingleton<IIntentResponder, MyRequestsResponder>();
        services.AddSingleton<IIntentResponder, TrainingDoneResponder>();
        services.AddSingleton<IIntentResponder, HelpResponder>();
        services.AddSingleton<IIntentResponder, OtherResponder>();
        services.AddSingleton<IIntentResponder, ClarifyResponder>();
        // Registered first so the approvals part's own PendingApprovals responder (added later) wins.
        services.Insert(0, ServiceDescriptor.Singleton<IIntentResponder, PendingApprovalsFallbackResponder>());

        services.AddSingleton<ICardActionHandler, StartRequestAction>();
        services.AddSingleton<ICardActionHandler, WizardStepAction>();
        services.AddSingleton<ICardActionHandler, SubmitRequestAction>();
        services.AddSingleton<ICardActionHandler, RecordTrainingAction>();
        services.AddSingleton<ICardActionHandler, ShowMyRequestsAction>();
        services.AddSingleton<ICardActionHandler, ShowApprovedToolsAction>();
        services.AddSingleton<ICardActionHandler, ShowHelpAction>();
        services.AddSingleton<ICardActionHandler, ClarifiedAction>();
        return services;
    }
}
