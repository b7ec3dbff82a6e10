using AiPolicyBot.Application.Incidents;
using AiPolicyBot.Application.Mail;
using AiPolicyBot.Hosting.Jobs;
using AiPolicyBot.Incidents;
using AiPolicyBot.Infrastructure.Incidents;
using AiPolicyBot.Infrastructure.Mail;
using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Incidents;
using AiPolicyBot.Triage;

namespace AiPolicyBot.Hosting;

/// <summary>Incident cases (docs/spec/incidents.md): the store, the use cases, R0's hook, the card verbs, the reminder timer.</summary>
public static class IncidentsPart
{
    public static IServiceCollection AddIncidentsPart(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IIncidentStore, TableIncidentStore>();
        services.AddSingleton<IncidentCases>();
        services.AddSingleton<IIncidentIntake>(sp => sp.GetRequiredService<IncidentCases>());
        services.AddSingleton<IIncidentNotices, ChatIncidentNotices>();
        services.AddSingleton<IRequestEventHandler, IncidentRequestEventHandler>();
        services.AddSingleton<IncidentReminders>();
        // Reminders go to the DPO's address (Triage:DpoAddress), else the IA mailbox.
        services.AddSingleton<IOutboxMailRenderer>(sp => new IncidentMailRenderer(sp.GetRequiredService<IIncidentStore>(),
            sp.GetRequiredService<IOptions<TriageOptions>>().Value.DpoAddress is { Length: > 0 } dpo ? dpo : sp.GetRequiredService<GraphMailOptions>().Recipient,
            sp.GetRequiredService<TimeProvider>()));

        services.AddSingleton<ICardActionHandler, RefreshIncidentHandler>();
        services.AddSingleton<ICardActionHandler, DecideIncidentHandler>();
        services.AddSingleton<ICardActionHandler, AddIncidentActionHandler>();
        services.AddSingleton<ICardActionHandler, CloseIncidentHandler>();
        services.AddSingleton<ICardActionHandler, RaiseConcernHandler>();

        services.AddSingleton<IncidentRemindersJob>();
        services.AddSingleton<ITimerJob>(sp => sp.GetRequiredService<IncidentRemindersJob>());
        return services;
    }
}
