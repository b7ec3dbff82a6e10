using AiPolicyBot.Register;
using AiPolicyBot.Teams.Conversation.Staff;
using AiPolicyBot.Teams.Conversation.Understanding;

namespace AiPolicyBot.Teams.Tests.Conversation;

/// <summary>
/// The conversation's patterns backtrack (they are source-generated for a cheap start), so their worst case rests on
/// the understood text being capped: messages as large as the body limit allows, built to make `.*` and repeated
/// groups work hardest, must be understood without a match timeout, and only the capped start is read.
/// </summary>
public sealed class HostileMessageTests
{
    private static readonly RegisterSnapshot Register = new(DemoRegister.Entries);

    public static TheoryData<string> HugeMessages() => new()
    {
        // Many starts for the incident pattern's "(i|we|…) (used|…)\b.*\b(yesterday|…)" and no ending it accepts.
        Repeat("i used ", 36_000),
        // Many starts for "to approve\b.*\b(me|i)\b" without "me" or "i" after them.
        Repeat("to approve x ", 20_000),
        // Repeated optional groups: "(think i |may have |…)+" and "(\w+ ){0,4}".
        Repeat("we may have may have just already ", 7_000) + "pasted",
        Repeat("ask for chatgpt copilot gemini claude ", 6_000),
        // One word as long as the body: \w+ and \b work over all of it.
        new string('a', 250_000),
    };

    [Theory]
    [MemberData(nameof(HugeMessages))]
    public void Huge_messages_are_understood_from_their_capped_start(string text)
    {
        var u = Support.TestUnderstanding.Understand(text);

        Assert.InRange(u.Text.Length, MessagePatterns.MaxUnderstoodLength - 10, MessagePatterns.MaxUnderstoodLength);
        Assert.StartsWith(u.Text[..Math.Min(20, u.Text.Length)], text, StringComparison.Ordinal);
        Assert.NotNull(OtherReplies.For(u.Text));
    }

    [Fact]
    public void A_question_within_the_cap_is_still_understood_after_a_long_preamble()
    {
        var preamble = Repeat("We are planning the new term. ", 60); // 1,800 characters
        var u = Support.TestUnderstanding.Understand(preamble + "Can I use ChatGPT for lesson plans?");

        Assert.Equal(Intent.AskTool, u.Intent);
        Assert.Equal("chatgpt-free", u.Tool?.Id);
    }

    [Fact]
    public void Words_past_the_cap_are_not_read()
    {
        var u = Support.TestUnderstanding.Understand(Repeat("la ", 700) + "can I use ChatGPT?");

        Assert.Null(u.Tool);
        Assert.DoesNotContain("ChatGPT", u.Text, StringComparison.Ordinal);
    }

    private static string Repeat(string s, int times) => string.Concat(Enumerable.Repeat(s, times));
}
