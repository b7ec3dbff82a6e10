using AiPolicyBot.Hosting.Jobs;
using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Conversation.Staff;
using AiPolicyBot.Teams.Protocol.Dispatch;
using Microsoft.Extensions.Hosting;

namespace AiPolicyBot.Hosting;

/// <summary>
/// At start-up, builds every handler registry (invokes, commands, card verbs, intents) and the job lists, so a key
/// registered twice stops the host with both handlers named instead of one silently winning, and logs what is
/// registered: the first place to look when a verb or command "does nothing".
/// </summary>
public sealed class CompositionCheck(IServiceProvider services, ILogger<CompositionCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var summary = Describe(services);
        logger.LogInformation("Registered: {Summary}", summary);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>One line per kind of handler; throws <see cref="DuplicateHandlerException"/> on a key registered twice.</summary>
    public static string Describe(IServiceProvider services)
    {
        var dispatcher = services.GetRequiredService<ActivityDispatcher>();
        var cardActions = services.GetServices<IInvokeHandler>().OfType<CardActionInvokeHandler>().Single();
        var staff = services.GetRequiredService<StaffMessageHandler>();
        var timers = HandlerRegistry.Unique(services.GetServices<ITimerJob>(), j => j.Name, "timer job", StringComparer.Ordinal);
        var queues = HandlerRegistry.Unique(services.GetServices<IQueueJob>(), j => j.QueueName, "queue job", StringComparer.Ordinal);
        return string.Join("; ",
            Line("invokes", dispatcher.InvokeNames),
            Line("commands", dispatcher.Commands),
            Line("card verbs", cardActions.Verbs),
            Line("intents", staff.Intents.Select(i => i.ToString())),
            Line("timer jobs", timers.Keys),
            Line("queue jobs", queues.Keys));
    }

    private static string Line(string kind, IEnumerable<string> keys) => $"{kind}: {string.Join(", ", keys.Order(StringComparer.Ordinal))}";
}
