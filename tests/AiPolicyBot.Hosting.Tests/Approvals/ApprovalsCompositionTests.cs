using AiPolicyBot.Application.Approvals;
using AiPolicyBot.Approvals;
using AiPolicyBot.Hosting.Approvals;
using AiPolicyBot.Hosting.Jobs;
using AiPolicyBot.Infrastructure.Approvals;
using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Approvals;
using AiPolicyBot.Teams.Conversation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using static AiPolicyBot.Testing.Approvals.ApprovalSamples;

namespace AiPolicyBot.Hosting.Tests.Approvals;

public class ApprovalsCompositionTests
{
    private static ServiceProvider Build()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Storage:TablePrefix"] = "Composed",
            ["Bot:AllowUnauthenticatedLocal"] = "true",
            ["Approvers:CIO:Id"] = Cio,
            ["Approvers:CIO:Deputies:0"] = CioDeputy,
            ["Approvers:CDO"] = Cdo,
            ["Approvers:DPO"] = Dpo,
            ["Approvers:IT"] = ItLead,
            ["Academies:oakfield:Leader"] = OakfieldLeader,
            ["Approval:ReminderDays"] = "2",
        }).Build();
        return new ServiceCollection().AddLogging()
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Development })
            .AddSingleton<IConfiguration>(configuration)
            // Every host has one; the triage warm-up (a hosted service of the inbox part) waits for "started" on it.
            .AddSingleton<IHostApplicationLifetime, Microsoft.Extensions.Hosting.Internal.ApplicationLifetime>()
            .AddAiPolicyBot(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    [Fact]
    public async Task Every_approval_verb_command_job_and_event_handler_is_composed_from_configuration()
    {
        await using var sp = Build(); // async: the durable demand counter flushes on DisposeAsync
        var handlers = sp.GetServices<ICardActionHandler>().ToList();
        Assert.All(ApprovalVerbs.Handlers, type => Assert.Single(handlers, h => h.GetType() == type));
        var approvalVerbs = handlers.Where(h => ApprovalVerbs.Handlers.Contains(h.GetType())).Select(h => h.Verb).ToList();
        Assert.Equal(8, approvalVerbs.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(sp.GetServices<ICommandHandler>(), c => c.Command == PendingApprovalsReply.CommandName);
        // The one responder for the intent is the approvals part's.
        Assert.IsType<PendingApprovalsReply>(sp.GetServices<AiPolicyBot.Teams.Conversation.Staff.IIntentResponder>()
            .Last(r => r.Intent == AiPolicyBot.Teams.Conversation.Understanding.Intent.PendingApprovals));
        Assert.Contains(sp.GetServices<ITimerJob>(), j => j is ApprovalDeadlinesJob);
        Assert.Contains(sp.GetServices<ITimerJob>(), j => j is RegisterReviewJob);
        Assert.Contains(sp.GetServices<IRequestEventHandler>(), h => h is ApprovalFollowUp);
        Assert.IsType<ConnectorApprovalMessenger>(sp.GetRequiredService<IApprovalMessenger>());
        Assert.IsType<TableApprovalCardStore>(sp.GetRequiredService<IApprovalCardStore>());
        var directory = sp.GetRequiredService<ApproverDirectory>();
        Assert.True(directory.Holds(CioDeputy, "CIO", "trust"));
        Assert.True(directory.Holds(OakfieldLeader, "AcademyLeader", "oakfield"));
        Assert.Empty(ApproverDirectoryCheck.Problems(directory));
        Assert.Equal("ComposedApprovalCards", sp.GetRequiredService<ApprovalTables>().Cards.Name);
        Assert.NotNull(sp.GetRequiredService<ApprovalWorkflow>());
    }
}
