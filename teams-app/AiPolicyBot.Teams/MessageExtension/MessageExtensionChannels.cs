namespace AiPolicyBot.Teams.MessageExtension;

/// <summary>
/// channelIds a message-extension invoke may carry: Teams, and Outlook through the Microsoft 365 Extensions channel
/// (docs/teams-channel.md; which of the two Outlook values current traffic uses is unverified, so both). The command
/// ids of manifest/manifest.json and the invoke names are declared by the command and the handler that answer them.
/// </summary>
public static class MessageExtensionChannels
{
    public static readonly IReadOnlyList<string> Ids = ["msteams", "outlook", "m365extensions"];

    public static bool IsOutlook(string? channelId) => channelId is "outlook" or "m365extensions";
}
