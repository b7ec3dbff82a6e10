using AiPolicyBot.Approvals;
using AiPolicyBot.Hosting.Approvals;
using AiPolicyBot.Hosting.Jobs;
using AiPolicyBot.Infrastructure.Approvals;
using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Approvals;
using AiPolicyBot.Teams.Approvals.Handlers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Hosting;

/// <summary>
/// Approvals on Adaptive Cards: the approver directory (configuration + table Approvers, checked at start-up), the
/// workflow, one handler per card verb, the follow-up of request events, card copies (table ApprovalCards) and the
/// deadline and review-date timers. Needs IDecisionLog (mail part), IRequestEventPublisher (conversation part) and
/// the Teams connector (protocol part).
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
        services.AddSingleton<PendingApprovalsQuery>();
        services.AddSingleton<IRequestEventHandler, ApprovalFollowUp>();

        services.AddSingleton<IApprovalVerbHandler, RefreshApprovalHandler>();
        services.AddSingleton<IApprovalVerbHandler, ApproveHandler>();
        services.AddSingleton<IApprovalVerbHandler, ApproveWithConditionsHandler>();
        services.AddSingleton<IApprovalVerbHandler, RejectHandler>();
        services.AddSingleton<IApprovalVerbHandler, AskInformationHandler>();
        services.AddSingleton<IApprovalVerbHandler, AnswerInformationHandler>();
        services.AddSingleton<IApprovalVerbHandler, WithdrawHandler>();

        services.AddSingleton<ApprovalDeadlinesJob>();
        services.AddSingleton<RegisterReviewJob>();
        services.AddSingleton<ITimerJob>(sp => sp.GetRequiredService<ApprovalDeadlinesJob>());
        services.AddSingleton<ITimerJob>(sp => sp.GetRequiredService<RegisterReviewJob>());
        return services;
    }
}
