using AiPolicyBot.Application.Approvals;
using AiPolicyBot.Application.Register;
using AiPolicyBot.Approvals;
using AiPolicyBot.Hosting.Approvals;
using AiPolicyBot.Hosting.Jobs;
using AiPolicyBot.Infrastructure.Approvals;
using AiPolicyBot.Register;
using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Approvals;
using AiPolicyBot.Teams.Approvals.Handlers;
using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Conversation.Staff;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Hosting;

/// <summary>
/// Approvals on Adaptive Cards: the approver directory (configuration + table Approvers, checked at start-up), the
/// workflow, one handler per card verb, the follow-up of request events, card copies (table ApprovalCards) and the
/// deadline and review-date timers. Uses IDecisionLog and IOutbox (mail part), IRequestEventPublisher (conversation
/// part) and the Teams connector (Teams part); like every part, it may be added in any order.
/// </summary>
public static class ApprovalsPart
{
    public static IServiceCollection AddApprovalsPart(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ApprovalOptions>(configuration.GetSection(ApprovalOptions.Section));
        services.AddSingleton(sp => ConfiguredApprovers.Read(configuration, sp.GetRequiredService<IOptions<ApprovalOptions>>().Value.LocalDemoSelfApproval));
        services.AddHostedService<ApproverDirectoryStartupCheck>();
        services.AddSingleton<ApprovalTables>();
        services.AddSingleton<IApproverOverrideStore, TableApproverOverrideStore>();
        services.AddSingleton<ApproverDirectorySource>();
        services.AddSingleton<IApproverDirectorySource>(sp => sp.GetRequiredService<ApproverDirectorySource>());
        services.AddSingleton<IApprovalCardStore, TableApprovalCardStore>();

        services.AddSingleton<ApprovalWorkflow>();
        services.AddSingleton<RegisterRecorder>();
        services.AddSingleton<ApprovalCardService>();
        services.AddSingleton<IApprovalCards>(sp => sp.GetRequiredService<ApprovalCardService>());
        services.AddSingleton<IApprovalNotices, ChatApprovalNotices>();
        services.AddSingleton<PendingApprovalsQuery>();
        // First: a decision row a crash left out is recorded before the cards and messages that report it.
        services.AddSingleton<IRequestEventHandler>(sp => ActivatorUtilities.CreateInstance<DecisionRecorder>(sp));
        services.AddSingleton<IRequestEventHandler, ApprovalFollowUp>();

        // Teams: one card action handler per verb, the pending-approvals command, the connector-backed messenger.
        services.AddCardVerb<RefreshApprovalHandler>();
        services.AddCardVerb<ApproveHandler>();
        services.AddCardVerb<ApproveWithConditionsHandler>();
        services.AddCardVerb<RejectHandler>();
        services.AddCardVerb<AskInformationHandler>();
        services.AddCardVerb<AnswerInformationHandler>();
        services.AddCardVerb<WithdrawHandler>();
        services.AddSingleton<PendingApprovalsCommand>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<PendingApprovalsCommand>());
        // Added after the conversation part's fallback responder, so this one answers "what do I need to approve?".
        services.AddSingleton<IIntentResponder, PendingApprovalsResponder>();
        services.AddSingleton<IApprovalMessenger, ConnectorApprovalMessenger>();
        services.AddSingleton<ITeamsUserIds, StoredTeamsUserIds>();
        services.AddSingleton<IRegisterChangeListener, RegisterCacheListener>();

        services.AddSingleton<ApprovalDeadlines>();
        services.AddSingleton<RegisterReview>();
        services.AddSingleton<ApprovalDeadlinesJob>();
        services.AddSingleton<RegisterReviewJob>();
        services.AddSingleton<ITimerJob>(sp => sp.GetRequiredService<ApprovalDeadlinesJob>());
        services.AddSingleton<ITimerJob>(sp => sp.GetRequiredService<RegisterReviewJob>());
        return services;
    }

    private static void AddCardVerb<T>(this IServiceCollection services) where T : class, ICardActionHandler =>
        services.AddSingleton<ICardActionHandler, T>();
}
