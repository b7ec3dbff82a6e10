namespace AiPolicyBot.Teams.Conversation;

/// <summary>
/// The "help" command, and, until the conversation work replaces <see cref="IMessageHandler"/>, the answer to any
/// message: a short description of what the bot can do.
/// </summary>
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
