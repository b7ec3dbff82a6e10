using AiPolicyBot.Application.Mail;
using AiPolicyBot.Approvals;
using AiPolicyBot.Common;
using AiPolicyBot.Hosting.Jobs;
using AiPolicyBot.Infrastructure.Mail;
using AiPolicyBot.Requests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AiPolicyBot.Hosting.Tests.Mail;

public class MailCompositionTests
{
    private static ServiceProvider Build(Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Storage:TablePrefix"] = "Composed",
        };
        foreach (var (k, v) in extra ?? []) settings[k] = v;
        var services = new ServiceCollection().AddLogging();
        // Every real host provides one; the approvals follow-up (an IRequestEventHandler) reaches the Teams connector, which needs it.
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Development" });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        // Hosts register IConfiguration too; the triage notifier (inbox part) reads the DPO from it.
        services.AddSingleton<IConfiguration>(configuration);
        services.AddAiPolicyBot(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Without_graph_configuration_mail_goes_to_eml_files_in_the_default_local_outbox()
    {
        using var sp = Build();

        var transport = Assert.IsType<EmlMailTransport>(sp.GetRequiredService<IMailTransport>());
        Assert.Equal(Path.Combine(Path.GetFullPath(".local/mail"), "outbox"), transport.OutboxFolder);
        Assert.IsType<TableDecisionLog>(sp.GetRequiredService<IDecisionLog>());
        Assert.IsType<TableAdminAlerts>(sp.GetRequiredService<IAdminAlerts>());
        Assert.Equal("ComposedDecisions", sp.GetRequiredService<MailStorage>().Decisions.Name);
        Assert.NotNull(sp.GetRequiredService<MailOutboxSender>());
        Assert.Contains(sp.GetServices<IRequestEventHandler>(), h => h is MailRequestEventHandler);
    }

    [Theory]
    [InlineData("true", "", false)]
    [InlineData("false", "information.assurance@trust.example", false)]
    [InlineData("true", "information.assurance@trust.example", true)]
    public void Graph_is_used_only_when_enabled_and_a_mailbox_is_set(string enabled, string mailbox, bool graph)
    {
        using var sp = Build(new()
        {
            ["GraphMail:Enabled"] = enabled,
            ["GraphMail:Mailbox"] = mailbox,
            ["GraphMail:BaseUrl"] = "http://127.0.0.1:9/v1.0",
            ["LocalMail:Root"] = "/tmp/aipolicybot-composition",
        });

        var transport = sp.GetRequiredService<IMailTransport>();
        Assert.Equal(graph, transport is GraphMailTransport);
        if (!graph) Assert.Equal("/tmp/aipolicybot-composition/outbox", ((EmlMailTransport)transport).OutboxFolder);
    }

    [Fact]
    public void The_outbox_sender_poison_handler_and_relay_are_registered_as_host_jobs()
    {
        using var sp = Build();

        var queues = sp.GetServices<IQueueJob>().Select(j => j.QueueName).ToList();
        Assert.Contains("mail-outbox", queues);
        Assert.Contains("mail-outbox-poison", queues);
        var relay = Assert.Single(sp.GetServices<ITimerJob>(), j => j.Name == "mail-outbox-relay");
        Assert.Equal(TimeSpan.FromMinutes(2), relay.Interval);
        Assert.Equal("0 */2 * * * *", relay.Schedule);
    }
}
