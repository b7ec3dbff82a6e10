namespace AiPolicyBot.Approvals;

/// <summary>Configuration section "Approval" (docs/configuration.md).</summary>
public sealed class ApprovalOptions
{
    public const string Section = "Approval";

    /// <summary>Days after submission (or the last reminder) before pending approvers are reminded.</summary>
    public int ReminderDays { get; set; } = 3;

    /// <summary>Days after submission after which an undecided request expires.</summary>
    public int ExpiryDays { get; set; } = 14;

    /// <summary>Teams channel conversation id where approval cards are also posted; empty = none.</summary>
    public string? ChannelConversationId { get; set; }

    /// <summary>Service URL for proactive sends when no stored conversation reference gives one.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>Entra tenant id for creating 1:1 conversations (docs/teams-channel.md).</summary>
    public string? TenantId { get; set; }

    /// <summary>
    /// Development only: lets one person decide their own request so the whole flow can be tried alone. The host
    /// refuses to start with it outside Development, and every card then says "local demo".
    /// </summary>
    public bool LocalDemoSelfApproval { get; set; }

    /// <summary>Days before an entry's reviewBy on which review notices go out.</summary>
    public IReadOnlyList<int> ReviewNoticeDays { get; set; } = [30, 7];
}
