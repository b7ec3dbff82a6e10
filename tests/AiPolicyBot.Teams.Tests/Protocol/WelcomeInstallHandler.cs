using AiPolicyBot.Teams.Conversation;

namespace AiPolicyBot.Teams.Tests.Protocol;

/// <summary>A stand-in welcome for the protocol tests: greets once per install.</summary>
public sealed class WelcomeInstallHandler : IInstallHandler
{
    public const string Text =
        "Hi, I'm **AiPolicyBot**. I help you follow the trust's AI policy:\n\n" +
        "- Ask **\"can I use …?\"** (for example *can I use ChatGPT to plan a lesson?*) and I'll tell you whether the tool is approved for that, and on what conditions.\n" +
        "- Ask to **request a new tool** and I'll route it to the right approvers.\n" +
        "- Type **help** at any time to see this again.";

    public async Task OnInstalledAsync(TurnContext turn, CancellationToken ct) => await turn.SendTextAsync(Text, ct);
}
