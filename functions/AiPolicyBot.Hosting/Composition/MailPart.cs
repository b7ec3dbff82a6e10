using AiPolicyBot.Academies;
using AiPolicyBot.Application.Mail;
using AiPolicyBot.Approvals;
using AiPolicyBot.Common;
using AiPolicyBot.Hosting.Jobs;
using AiPolicyBot.Infrastructure.Mail;
using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Mail;
using AiPolicyBot.Requests;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace AiPolicyBot.Hosting;

/// <summary>
/// Mail from the IA mailbox: the decision log, the outbox, the mail-outbox sender, poison
/// handler and relay, and the transport: Microsoft Graph when GraphMail:Enabled and GraphMail:Mailbox are set,
/// otherwise .eml files in {LocalMail:Root}/outbox (default .local/mail/outbox).
/// </summary>
public static class MailPart
{
    public static IServiceCollection AddMailPart(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<GraphMailOptions>(configuration.GetSection(GraphMailOptions.Section));
        services.Configure<LocalMailOptions>(configuration.GetSection(LocalMailOptions.Section));
        services.Configure<MailOutboxOptions>(configuration.GetSection(MailOutboxOptions.Section));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<GraphMailOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<LocalMailOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<MailOutboxOptions>>().Value);

        services.AddSingleton(sp => new MailStorage(sp.GetRequiredService<TableServiceClient>(),
            sp.GetRequiredService<QueueServiceClient>(), sp.GetRequiredService<StorageOptions>(),
            sp.GetRequiredService<MailOutboxOptions>().Queue));
        services.AddSingleton<OutboxQueue>();
        services.AddSingleton<TableOutbox>();
        services.AddSingleton<IOutboxStore>(sp => sp.GetRequiredService<TableOutbox>());
        services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<TableOutbox>());
        services.AddSingleton<IDecisionLog, TableDecisionLog>();
        // Alerts are recorded and mailed to the IA mailbox through the outbox.
        services.AddSingleton<IAdminAlerts>(sp => new TableAdminAlerts(sp.GetRequiredService<MailStorage>(),
            sp.GetRequiredService<ILogger<TableAdminAlerts>>(), sp.GetRequiredService<IOutbox>()));

        // One app-only GraphServiceClient for the process (managed identity; base URL from GraphMail:BaseUrl), built when
        // mail first needs it.
        services.AddSingleton<GraphMailClient>();
        services.AddSingleton<IMailTransport>(sp =>
        {
            var mail = sp.GetRequiredService<GraphMailOptions>();
            return mail.UseGraph
                ? new GraphMailTransport(sp.GetRequiredService<GraphMailClient>(), mail, sp.GetRequiredService<ILogger<GraphMailTransport>>())
                : ActivatorUtilities.CreateInstance<EmlMailTransport>(sp);
        });

        services.AddSingleton(sp => new OutboxMailComposer(sp.GetRequiredService<IRequestStore>(), sp.GetRequiredService<IDecisionLog>(),
            sp.GetRequiredService<GraphMailOptions>().Recipient, sp.GetService<ITriageMailRenderer>(), sp.GetService<IOptionsMonitor<AcademyOptions>>(),
            sp.GetRequiredService<IAdminAlerts>(), sp.GetServices<IOutboxMailRenderer>(),
            sp.GetService<IPersonMail>(), sp.GetService<IOptions<TeamsAppOptions>>()?.Value));
        services.AddSingleton<MailOutboxSender>(sp => ActivatorUtilities.CreateInstance<MailOutboxSender>(sp));
        services.AddSingleton<MailOutboxRelay>();
        services.AddSingleton<MailPoisonHandler>();
        services.AddSingleton<IRequestEventHandler>(sp => new MailRequestEventHandler(sp.GetRequiredService<IOutbox>(),
            sp.GetRequiredService<GraphMailOptions>().SendOnSubmit));

        services.AddSingleton<IQueueJob, MailOutboxQueueJob>();
        services.AddSingleton<IQueueJob, MailPoisonQueueJob>();
        services.AddSingleton<ITimerJob, MailOutboxRelayJob>();
        return services;
    }
}
