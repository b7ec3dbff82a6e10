using AiPolicyBot.Teams.Conversation;

namespace AiPolicyBot.Teams.Tests.Protocol;

/// <summary>A stand-in conversation for the protocol tests: "help" as a command, and the answer to any other message.</summary>
public sealed class HelpMessageHandler : IMessageHandler, ICommandHandler
{
    public const string Text =
        "I'm **AiPolicyBot**. I can:\n\n" +
        "- answer **\"can I use …?\"** questions about AI tools under the trust's AI policy;\n" +
        "- help you **request approval** for a new AI tool;\n" +
        "- show the **status** of your requests.\n\n" +
        "Try: *can I use ChatGPT to plan a lesson?*";

    public string Command => "help";

    public async Task HandleAsync(TurnContext turn, CancellationToken ct) => await turn.SendTextAsync(Text, ct);
}
