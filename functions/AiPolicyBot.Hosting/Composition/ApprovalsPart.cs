using AiPolicyBot.Application.Approvals;
using AiPolicyBot.Application.Register;
using AiPolicyBot.Approvals;
using AiPolicyBot.Hosting.Approvals;
using AiPolicyBot.Hosting.Jobs;
using AiPolicyBot.Infrastructure.Approvals;
using AiPolicyBot.Register;
using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Approvals;
using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Conversation.Staff;

namespace AiPolicyBot.Hosting;

/// <summary>
/// Approvals on Adaptive Cards: the approver directory (configuration + table Approvers, checked at start-up), the
/// workflow, one handler per card verb, the follow-up of request events, card copies (table ApprovalCards) and the
/// deadline, delivery-retry and review-date timers; with TeamsApp:CatalogAppId, installing the bot for people through Graph. Uses IDecisionLog and IOutbox (mail part), IRequestEventPublisher (conversation
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
        services.AddSingleton<IDeliveryLog, TableDeliveryLog>();
        services.AddSingleton<ApprovalDelivery>();
        services.Configure<TeamsAppOptions>(configuration.GetSection(TeamsAppOptions.Section));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TeamsAppOptions>>().Value);
        // Installing the app for people and looking up their address need Graph (docs/deploy.md): only with a catalog id.
        if (!string.IsNullOrWhiteSpace(configuration[$"{TeamsAppOptions.Section}:{nameof(TeamsAppOptions.CatalogAppId)}"]))
        {
            services.AddSingleton<ITeamsAppInstaller, GraphTeamsAppInstaller>();
            services.AddSingleton<IPersonMail, GraphPersonMail>();
        }

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
        foreach (var handler in ApprovalVerbs.Handlers) services.AddSingleton(typeof(ICardActionHandler), handler);
        services.AddSingleton<PendingApprovalsReply>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<PendingApprovalsReply>());
        // Added after the conversation part's fallback responder, so this one answers "what do I need to approve?".
        services.AddSingleton<IIntentResponder>(sp => sp.GetRequiredService<PendingApprovalsReply>());
        services.AddSingleton<IApprovalMessenger, ConnectorApprovalMessenger>();
        services.AddSingleton<ITeamsUserIds, StoredTeamsUserIds>();
        services.AddSingleton<IRegisterChangeListener, RegisterCacheListener>();

        services.AddSingleton<ApprovalDeadlines>();
        services.AddSingleton<RegisterReview>();
        services.AddSingleton<ApprovalDeadlinesJob>();
        services.AddSingleton<RegisterReviewJob>();
        services.AddSingleton<DeliveryRetryJob>();
        services.AddSingleton<ITimerJob>(sp => sp.GetRequiredService<DeliveryRetryJob>());
        services.AddSingleton<ITimerJob>(sp => sp.GetRequiredService<ApprovalDeadlinesJob>());
        services.AddSingleton<ITimerJob>(sp => sp.GetRequiredService<RegisterReviewJob>());
        return services;
    }
}
