using AiPolicyBot.Register;
using AiPolicyBot.Teams.Conversation.Staff;
using AiPolicyBot.Teams.Conversation.Understanding;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AiPolicyBot.Hosting;

/// <summary>
/// Builds the conversation's message patterns in the background as the host starts, so the first "can I use X?" does
/// not pay for it: constructing the NonBacktracking patterns took 1.1–1.5 s of a cold first turn on 2 cores
/// (docs/benchmarks.md). Pure CPU work on the demo register; no storage, no network; a failure is only logged.
/// </summary>
public sealed class ConversationWarmUp(ILogger<ConversationWarmUp> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        try
        {
            var demo = new RegisterSnapshot(DemoRegister.Entries);
            IntentRecognizer.Recognise("can I use chat gpt for lesson plans?", demo);
            OtherReplies.For("thanks");
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Conversation warm-up failed; the first message will build the patterns");
        }
    }, stoppingToken);
}
