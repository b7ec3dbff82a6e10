using AiPolicyBot.Policy;
using AiPolicyBot.Teams.Approvals;
using AiPolicyBot.Teams.Approvals.Handlers;
using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Protocol;
using AiPolicyBot.Teams.Protocol.Dispatch;
using AiPolicyBot.Training;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using static AiPolicyBot.Testing.Approvals.ApprovalSamples;

namespace AiPolicyBot.Hosting.Tests;

public class CompositionTests
{
    private static readonly IConfiguration Configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["Bot:AllowUnauthenticatedLocal"] = "true",
        ["Approvers:CIO"] = Cio,
        ["Approvers:CDO"] = Cdo,
        ["Approvers:DPO"] = Dpo,
        ["Approvers:IT"] = ItLead,
    }).Build();

    /// <summary>What a host adds before the parts, then the parts in <paramref name="order"/>.</summary>
    private static ServiceCollection Compose(IEnumerable<Func<IServiceCollection, IConfiguration, IServiceCollection>> order)
    {
        var services = new ServiceCollection();
        services.AddLogging()
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Development })
            .AddSingleton(Configuration)
            .AddSingleton<IHostApplicationLifetime, ApplicationLifetime>()
            .AddSingleton(TimeProvider.System)
            .AddSingleton<HealthEndpoint>();
        foreach (var add in order) add(services, Configuration);
        return services;
    }

    /// <summary>Handler lists: many registrations by design, one per key.</summary>
    private static readonly HashSet<Type> Lists =
    [
        typeof(IInvokeHandler), typeof(ICommandHandler), typeof(ICardActionHandler), typeof(IInstallHandler),
        typeof(AiPolicyBot.Teams.Conversation.Staff.IIntentResponder), typeof(AiPolicyBot.Requests.IRequestEventHandler),
        typeof(Jobs.IQueueJob), typeof(Jobs.ITimerJob), typeof(AiPolicyBot.Teams.MessageExtension.ISearchCommand),
        typeof(AiPolicyBot.Teams.MessageExtension.IActionCommand), typeof(AiPolicyBot.Application.Mail.IOutboxMailRenderer),
        typeof(AiPolicyBot.Application.Reports.IReport), typeof(AiPolicyBot.Application.Reports.Dashboard.IDashboardPanel),
    ];

    private static string Name(ServiceDescriptor d) =>
        d.ImplementationType?.FullName ?? d.ImplementationInstance?.GetType().FullName ?? "factory";

    /// <summary>Per service type: every implementation registered, in a canonical order.</summary>
    private static Dictionary<Type, string> Registrations(ServiceCollection services) =>
        services.GroupBy(d => d.ServiceType).ToDictionary(g => g.Key, g => string.Join(", ", g.Select(Name).Order(StringComparer.Ordinal)));

    private static List<string> Differences(Dictionary<Type, string> a, Dictionary<Type, string> b) =>
        [.. a.Keys.Union(b.Keys).Where(k => a.GetValueOrDefault(k) != b.GetValueOrDefault(k))
            .Select(k => $"{k}: {a.GetValueOrDefault(k)} / {b.GetValueOrDefault(k)}")];

    [Fact]
    public async Task Parts_give_the_same_services_and_handlers_in_any_order()
    {
        var forward = Compose(AiPolicyBotServices.Parts);
        var reversed = Compose(AiPolicyBotServices.Parts.Reverse());
        var shuffled = Compose(AiPolicyBotServices.Parts.OrderBy(p => p.Method.Name.Length).ThenByDescending(p => p.Method.Name));

        Assert.Empty(Differences(Registrations(forward), Registrations(reversed)));
        Assert.Empty(Differences(Registrations(forward), Registrations(shuffled)));
        // Each of the product's own services is registered once (so no order can pick a different one), lists aside.
        var twice = forward.Where(d => d.ServiceType.Namespace?.StartsWith("AiPolicyBot", StringComparison.Ordinal) == true && !Lists.Contains(d.ServiceType))
            .GroupBy(d => d.ServiceType).Where(g => g.Count() > 1).Select(g => g.Key.Name);
        Assert.Empty(twice);
        await using var a = forward.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        await using var b = reversed.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        Assert.Equal(CompositionCheck.Describe(a), CompositionCheck.Describe(b));
    }

    [Fact]
    public async Task The_start_up_check_lists_every_command_verb_intent_and_job()
    {
        await using var sp = Compose(AiPolicyBotServices.Parts).BuildServiceProvider();
        var summary = CompositionCheck.Describe(sp);

        Assert.Contains("commands: help, pending", summary, StringComparison.Ordinal);
        Assert.Contains(ApproveHandler.VerbName, summary, StringComparison.Ordinal);
        Assert.Contains("adaptiveCard/action", summary, StringComparison.Ordinal);
        Assert.Contains("PendingApprovals", summary, StringComparison.Ordinal);
        Assert.Contains("register-review", summary, StringComparison.Ordinal);
        Assert.Contains("request-events", summary, StringComparison.Ordinal);
        Assert.Single(sp.GetServices<IMessageHandler>());
        Assert.Single(sp.GetServices<IInstallHandler>());
    }

    [Fact]
    public async Task A_verb_registered_twice_stops_the_host_at_start_up_naming_both_handlers()
    {
        var services = Compose(AiPolicyBotServices.Parts);
        services.AddSingleton<ICardActionHandler, SecondApproveHandler>();
        services.AddHostedService<CompositionCheck>();
        await using var sp = services.BuildServiceProvider();

        var check = sp.GetServices<IHostedService>().OfType<CompositionCheck>().Single();
        var e = await Assert.ThrowsAsync<DuplicateHandlerException>(() => check.StartAsync(default));
        Assert.Contains($"'{ApproveHandler.VerbName}'", e.Message, StringComparison.Ordinal);
        Assert.Contains("ApproveHandler", e.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(SecondApproveHandler), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_registered_twice_stops_the_host_at_start_up()
    {
        var services = Compose(AiPolicyBotServices.Parts);
        services.AddSingleton<ICommandHandler, SecondHelpCommand>();
        await using var sp = services.BuildServiceProvider();
        var e = Assert.Throws<DuplicateHandlerException>(() => CompositionCheck.Describe(sp));
        Assert.Contains("'help'", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Training_terms_are_kept_between_questions_and_follow_a_settings_change()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Policy:PolicyVersion"] = "2025-09",
            ["Training:ValidityMonths"] = "12",
        }).Build();
        using var sp = new ServiceCollection().Configure<PolicyOptions>(configuration.GetSection(PolicyOptions.Section))
            .AddTrainingPart(configuration).BuildServiceProvider();
        var terms = sp.GetRequiredService<Func<TrainingTerms>>();
        Assert.Equal(new TrainingTerms("2025-09", 12), terms());

        configuration["Policy:PolicyVersion"] = "2026-07";
        configuration["Training:ValidityMonths"] = "24";
        configuration.Reload();
        Assert.Equal(new TrainingTerms("2026-07", 24), terms());
    }

    private sealed class SecondApproveHandler : ICardActionHandler
    {
        public string Verb => ApproveHandler.VerbName;

        public Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, CardActionInvoke action, CancellationToken ct) =>
            Task.FromResult(InvokeResponseFactory.Message("second"));
    }

    private sealed class SecondHelpCommand : ICommandHandler
    {
        public string Command => "HELP";

        public Task HandleAsync(TurnContext turn, CancellationToken ct) => Task.CompletedTask;
    }
}
