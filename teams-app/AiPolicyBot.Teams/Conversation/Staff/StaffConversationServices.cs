using AiPolicyBot.Teams.Conversation.Understanding;
using Microsoft.Extensions.DependencyInjection;

namespace AiPolicyBot.Teams.Conversation.Staff;

/// <summary>
/// Registers the staff conversation: the message handler (which also answers the "help" command), the welcome, one
/// responder per intent and one handler per card verb. Needs RegisterCache, TrainingCache, RequestSubmission,
/// IRequestStore, IToolDemand and IStaffAcademyStore from the composition root; the approvals part adds the pending-approvals responder.
/// </summary>
public static class StaffConversationServices
{
    public static IServiceCollection AddStaffConversation(this IServiceCollection services)
    {
        services.AddSingleton<StaffConversation>();
        services.AddMessageUnderstanding();
        services.AddSingleton<TrainingRecorder>();
        services.AddSingleton<StaffAcademies>();
        services.AddSingleton<StaffMessageHandler>();
        services.AddSingleton<IMessageHandler>(sp => sp.GetRequiredService<StaffMessageHandler>());
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<StaffMessageHandler>());

        services.AddSingleton<IInstallHandler, StaffWelcomeHandler>();

        services.AddSingleton<IIntentResponder, AskToolResponder>();
        services.AddSingleton<IIntentResponder, RequestApprovalResponder>();
        services.AddSingleton<IIntentResponder, ListApprovedResponder>();
        services.AddSingleton<IIntentResponder, MyRequestsResponder>();
        services.AddSingleton<IIntentResponder, TrainingDoneResponder>();
        services.AddSingleton<IIntentResponder, HelpResponder>();
        services.AddSingleton<IIntentResponder, OtherResponder>();
        services.AddSingleton<IIntentResponder, ClarifyResponder>();

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
