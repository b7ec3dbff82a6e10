using AiPolicyBot.Teams.Conversation.Understanding;
using AiPolicyBot.Teams.Tests.Support;

namespace AiPolicyBot.Teams.Tests.Conversation.Understanding;

/// <summary>
/// Why the understanding has no word rules beside the model: exact commands, one-word messages and request references
/// are read right by the model alone. A rule may come back only with a case here that the model gets wrong.
/// </summary>
public sealed class IntentModelCommandTests
{
    [Theory]
    [InlineData("help", Intent.Help)]
    [InlineData("HELP", Intent.Help)]
    [InlineData("menu", Intent.Help)]
    [InlineData("start", Intent.Help)]
    [InlineData("commands", Intent.Help)]
    [InlineData("my requests", Intent.MyRequests)]
    [InlineData("pending approvals", Intent.PendingApprovals)]
    [InlineData("approved tools", Intent.ListApproved)]
    [InlineData("request approval", Intent.RequestApproval)]
    [InlineData("AIP-2026-0042", Intent.MyRequests)]
    [InlineData("Any update on AIP-2026-0042?", Intent.MyRequests)]
    [InlineData("check status AIP-2026-0107", Intent.MyRequests)]
    public void Commands_and_references_need_no_rule(string text, Intent intent)
    {
        var modelAlone = new IntentModelProvider().Model.Predict(text)[0].Intent;
        Assert.Equal(intent.Label(), modelAlone);
        Assert.Equal(intent, TestUnderstanding.Understand(text).Intent);
    }

    [Fact]
    public void Nothing_typed_gets_the_help_card() => Assert.Equal(Intent.Help, TestUnderstanding.Understand("  ").Intent);
}
