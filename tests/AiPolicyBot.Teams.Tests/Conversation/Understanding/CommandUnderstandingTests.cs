using AiPolicyBot.Teams.Conversation.Understanding;
using AiPolicyBot.Teams.Tests.Support;

namespace AiPolicyBot.Teams.Tests.Conversation.Understanding;

/// <summary>
/// Why there is no rule beside the model: every command the help card and the buttons name, typed on its own, and
/// request references are read right by the model alone (with the first author's data only, a bare "start" was
/// asked back and needed a rule; the second author's data made it unnecessary).
/// </summary>
public sealed class CommandUnderstandingTests
{
    [Theory]
    [InlineData("help", Intent.Help)]
    [InlineData("menu", Intent.Help)]
    [InlineData("start", Intent.Help)]
    [InlineData("get started", Intent.Help)]
    [InlineData("my requests", Intent.MyRequests)]
    [InlineData("Pending approvals!", Intent.PendingApprovals)]
    [InlineData("  Approved tools ", Intent.ListApproved)]
    [InlineData("request approval", Intent.RequestApproval)]
    [InlineData("AIP-2026-0042", Intent.MyRequests)]
    [InlineData("Any update on AIP-2026-0042?", Intent.MyRequests)]
    [InlineData("check status AIP-2026-0107", Intent.MyRequests)]
    [InlineData("help me get Snorkl approved", Intent.RequestApproval)]
    public void A_command_or_reference_is_understood_without_a_rule(string text, Intent intent) =>
        Assert.Equal(intent, TestUnderstanding.Understand(text).Intent);

    [Fact]
    public void An_empty_message_is_the_help_card() =>
        Assert.Equal(Intent.Help, TestUnderstanding.Understand("   ").Intent);
}
