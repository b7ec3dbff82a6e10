using AiPolicyBot.Common;
using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Protocol.Auth;
using AiPolicyBot.Teams.Protocol.Connector;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Teams.Protocol.Dispatch;

/// <summary>
/// Routes an authenticated activity to its handler within Teams' time budget (docs/teams-channel.md):
/// message → command by first word, else the message handler; invoke → handler by name (unknown → 501);
/// installationUpdate / conversationUpdate → install handlers once per new conversation, forget on removal.
/// Returns null for non-invokes (HTTP 200, empty body) or the invoke response.
/// </summary>
public sealed class ActivityDispatcher(
    IEnumerable<IInvokeHandler> invokeHandlers,
    IEnumerable<ICommandHandler> commandHandlers,
    IEnumerable<IInstallHandler> installHandlers,
    IMessageHandler messageHandler,
    ConversationReferenceTracker tracker,
    IConnectorClient connector,
    IOptions<BotOptions> options,
    ILogger<ActivityDispatcher> logger)
{
    // The budgets are read once, here: a turn does not look at settings.
    private readonly TimeSpan _turnBudget = options.Value.TurnBudget;
    private readonly TimeSpan _messageExtensionBudget = options.Value.MessageExtensionBudget;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _welcomedWithoutStore = new(StringComparer.Ordinal);

    private readonly IReadOnlyDictionary<string, IInvokeHandler> _invokes =
        HandlerRegistry.Unique(invokeHandlers, h => h.Name, "invoke", StringComparer.Ordinal);

    private readonly IReadOnlyDictionary<string, ICommandHandler> _commands =
        HandlerRegistry.Unique(commandHandlers, h => h.Command, "command", StringComparer.OrdinalIgnoreCase);

    /// <summary>The invoke names handled (for the start-up listing).</summary>
    public IEnumerable<string> InvokeNames => _invokes.Keys;

    /// <summary>The text commands handled (for the start-up listing).</summary>
    public IEnumerable<string> Commands => _commands.Keys;

    public async Task<InvokeResponse?> DispatchAsync(Activity activity, AuthMode authMode)
    {
        var turn = new TurnContext(activity, authMode, connector);
        var budget = BudgetFor(activity);

        // The request's own cancellation is deliberately not used: a dropped connection must not cancel work half-way.
        using var cts = new CancellationTokenSource(budget);
        var work = RouteAsync(turn, cts.Token);
        try
        {
            // One timer per turn (the CTS's): waiting on its token, not on a second timeout, halves the timer-queue
            // traffic, which is a contended lock under load.
            return await work.WaitAsync(cts.Token);
        }
        catch (Exception e) when (e is TimeoutException || (e is OperationCanceledException && cts.IsCancellationRequested))
        {
            cts.Cancel();
            _ = work.ContinueWith(t => logger.LogDebug(t.Exception, "Late handler failure after timeout"), TaskContinuationOptions.OnlyOnFaulted);
            logger.LogWarning("{Type} {Name} exceeded its {Budget} budget", activity.Type, activity.Name, budget);
            return InvokeResponseFactory.Timeout(activity);
        }
    }

    private TimeSpan BudgetFor(Activity activity) =>
        activity.IsMessageExtensionInvoke()
            ? _messageExtensionBudget
            : _turnBudget;

    private async Task<InvokeResponse?> RouteAsync(TurnContext turn, CancellationToken ct)
    {
        var activity = turn.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                await WithTrackingAsync(activity, () => HandleMessageAsync(turn, ct), ct);
                return null;

            case ActivityTypes.Invoke:
                InvokeResponse? response = null;
                await WithTrackingAsync(activity, async () => response = await HandleInvokeAsync(turn, ct), ct);
                return response;

            case ActivityTypes.InstallationUpdate:
                if (activity.Action?.StartsWith("add", StringComparison.Ordinal) == true)
                {
                    await OnBotAddedAsync(turn, ct);
                }
                else if (activity.Action?.StartsWith("remove", StringComparison.Ordinal) == true)
                {
                    await tracker.ForgetAsync(activity, ct);
                }

                return null;

            case ActivityTypes.ConversationUpdate:
                var botId = activity.Recipient?.Id;
                if (botId is not null && activity.MembersAdded?.Any(m => m.Id == botId) == true)
                {
                    await OnBotAddedAsync(turn, ct);
                }
                else if (botId is not null && activity.MembersRemoved?.Any(m => m.Id == botId) == true)
                {
                    await tracker.ForgetAsync(activity, ct);
                }
                else
                {
                    await TrackQuietlyAsync(activity, ct);
                }

                return null;

            default:
                // Teams adds event types at any time: accept and ignore what we do not handle.
                logger.LogDebug("Ignoring activity type {Type}", activity.Type);
                return null;
        }
    }

    private Task HandleMessageAsync(TurnContext turn, CancellationToken ct)
    {
        var firstWord = turn.Text.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return firstWord is not null && turn.Activity.Value is null && _commands.TryGetValue(firstWord, out var command)
            ? command.HandleAsync(turn, ct)
            : messageHandler.HandleAsync(turn, ct);
    }

    private async Task<InvokeResponse> HandleInvokeAsync(TurnContext turn, CancellationToken ct)
    {
        var name = turn.Activity.Name;
        if (name is null || !_invokes.TryGetValue(name, out var handler))
        {
            logger.LogWarning("No handler for invoke {Name}", name);
            return InvokeResponseFactory.NotImplemented();
        }

        try
        {
            return await handler.HandleAsync(turn, ct);
        }
        catch (ValidationFailedException e)
        {
            return InvokeResponseFactory.ValidationFailed(e.Errors);
        }
    }

    private async Task OnBotAddedAsync(TurnContext turn, CancellationToken ct)
    {
        TrackOutcome outcome;
        try
        {
            outcome = await tracker.TrackAsync(turn.Activity, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Storage trouble must not make the bot look dead: welcome anyway, once per conversation in this process.
            logger.LogError(e, "Could not store the conversation reference on install");
            outcome = _welcomedWithoutStore.TryAdd(turn.Activity.Conversation?.Id ?? "", 0) ? TrackOutcome.Created : TrackOutcome.Unchanged;
        }

        // installationUpdate and conversationUpdate both arrive on a fresh install: greet only the first time.
        if (outcome is TrackOutcome.Created or TrackOutcome.NotTrackable)
        {
            foreach (var handler in installHandlers)
            {
                await handler.OnInstalledAsync(turn, ct);
            }
        }
    }

    /// <summary>Runs the handler while the reference is tracked; storage trouble is logged, never fails the turn.</summary>
    private async Task WithTrackingAsync(Activity activity, Func<Task> handle, CancellationToken ct)
    {
        var tracking = TrackQuietlyAsync(activity, ct);
        try
        {
            await handle();
        }
        finally
        {
            await tracking;
        }
    }

    private async Task TrackQuietlyAsync(Activity activity, CancellationToken ct)
    {
        try
        {
            await tracker.TrackAsync(activity, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not store the conversation reference");
        }
    }
}
