namespace AiPolicyBot.Teams.MessageExtension;

/// <summary>The command ids of manifest/manifest.json (composeExtensions[0].commands) and the invoke names they use.</summary>
public static class MessageExtensionCommands
{
    /// <summary>Search "AI tools" (compose, command box; initialRun).</summary>
    public const string SearchTools = "searchTools";

    /// <summary>The search command's one parameter.</summary>
    public const string SearchParameter = "searchQuery";

    /// <summary>"Request approval for an AI tool" (compose, command box).</summary>
    public const string RequestApproval = "requestApproval";

    /// <summary>"Check AI tools in this message" (message action).</summary>
    public const string CheckMessage = "checkMessage";

    /// <summary>"Request approval from message" (message action).</summary>
    public const string RequestFromMessage = "requestFromMessage";

    public const string QueryInvoke = "composeExtension/query";
    public const string FetchTaskInvoke = "composeExtension/fetchTask";
    public const string SubmitActionInvoke = "composeExtension/submitAction";

    /// <summary>
    /// channelIds a message-extension invoke may carry: Teams, and Outlook through the Microsoft 365 Extensions channel
    /// (docs/teams-channel.md; which of the two Outlook values current traffic uses is unverified, so both).
    /// </summary>
    public static readonly IReadOnlyList<string> ChannelIds = ["msteams", "outlook", "m365extensions"];

    public static bool IsOutlook(string? channelId) => channelId is "outlook" or "m365extensions";
}
