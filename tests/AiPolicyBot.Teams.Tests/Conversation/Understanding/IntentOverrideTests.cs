using AiPolicyBot.Teams.Conversation.Understanding;
using AiPolicyBot.Teams.Tests.Support;

namespace AiPolicyBot.Teams.Tests.Conversation.Understanding;

/// <summary>
/// Why the exact-command rule exists, and why there is no other: the model alone is not sure enough about a bare
/// "start" and would ask back; request references and longer messages are read right without any rule.
/// </summary>
public sealed class IntentOverrideTests
{
    private static readonly IntentModelProvider Model = new();

    [Fact]
    public void A_bare_command_the_model_alone_would_ask_about_is_answered()
    {
        var modelAlone = MessageUnderstanding.Decide(Model.Model.Predict("start"));
        Assert.NotEqual(Intent.Help, modelAlone.Intent);
        Assert.Equal(Intent.Help, TestUnderstanding.Understand("start").Intent);
    }

    [Theory]
    [InlineData("my requests", Intent.MyRequests)]
    [InlineData("Pending approvals!", Intent.PendingApprovals)]
    [InlineData("  Approved tools ", Intent.ListApproved)]
    [InlineData("", Intent.Help)]
    public void An_exact_command_is_that_command(string text, Intent intent) =>
        Assert.Equal(intent, IntentOverrides.For(text.Trim()));

    [Theory]
    [InlineData("AIP-2026-0042", Intent.MyRequests)]
    [InlineData("Any update on AIP-2026-0042?", Intent.MyRequests)]
    [InlineData("check status AIP-2026-0107", Intent.MyRequests)]
    [InlineData("help me get Snorkl approved", Intent.RequestApproval)]
    public void References_and_sentences_need_no_rule(string text, Intent intent)
    {
        Assert.Null(IntentOverrides.For(text));
        Assert.Equal(intent, MessageUnderstanding.Decide(Model.Model.Predict(text)).Intent);
    }
}
