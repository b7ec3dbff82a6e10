using AiPolicyBot.Academies;
using AiPolicyBot.Register;
using AiPolicyBot.Teams.Conversation.Understanding;
using AiPolicyBot.Teams.Tests.Support;
using Microsoft.Extensions.Options;
using Moq;

namespace AiPolicyBot.Teams.Tests.Conversation.Understanding;

/// <summary>
/// A message seen before is answered from the understood-message cache: the same answer a fresh understanding gives,
/// and never one that outlived the register snapshot or the academies' settings it was understood against.
/// </summary>
public sealed class UnderstoodMessageCacheTests
{
    private const string Question = "can I use ChatGPT for lesson plans at Brookmere?";

    [Theory]
    [InlineData(Question)]
    [InlineData("my requests")]
    [InlineData("is it ok to get perplexity sorted?")]
    public void A_repeated_message_is_understood_as_a_fresh_understanding_would(string text)
    {
        var understanding = TestUnderstanding.Create(TestUnderstanding.DemoAcademies);
        var first = understanding.Understand(text, TestUnderstanding.DemoRegisterSnapshot);
        var again = understanding.Understand(text, TestUnderstanding.DemoRegisterSnapshot);
        var fresh = TestUnderstanding.Create(TestUnderstanding.DemoAcademies).Understand(text, TestUnderstanding.DemoRegisterSnapshot);

        Assert.Same(first, again);
        Assert.Equal(Describe(fresh), Describe(again));
    }

    [Fact]
    public void A_new_register_snapshot_is_searched_again()
    {
        var understanding = TestUnderstanding.Create(TestUnderstanding.DemoAcademies);
        Assert.Equal("chatgpt-free", understanding.Understand(Question, TestUnderstanding.DemoRegisterSnapshot).Tool?.Id);

        var withoutChatGpt = new RegisterSnapshot(DemoRegister.Entries.Where(e => !e.Id.StartsWith("chatgpt", StringComparison.Ordinal)).ToList());
        var after = understanding.Understand(Question, withoutChatGpt);

        Assert.Null(after.Tool);
        Assert.Equal("ChatGPT", after.UnknownToolName);
    }

    [Fact]
    public void Reloaded_academy_settings_are_matched_again()
    {
        var academies = TestUnderstanding.DemoAcademies;
        var monitor = new Mock<IOptionsMonitor<AcademyOptions>>();
        monitor.Setup(m => m.CurrentValue).Returns(() => academies);
        var understanding = UnderstandingServices.Create(monitor.Object);
        Assert.Equal("brookmere", understanding.Understand(Question, TestUnderstanding.DemoRegisterSnapshot).Academy);

        academies = new AcademyOptions { Items = { ["oakfield"] = new AcademyInfo { Name = "Oakfield Academy" } } };

        Assert.Null(understanding.Understand(Question, TestUnderstanding.DemoRegisterSnapshot).Academy);
    }

    [Fact]
    public void A_text_past_the_bound_is_understood_each_time_and_still_right()
    {
        var text = "can I use ChatGPT for " + new string('x', IntentModelProvider.MaxCachedLength);
        var understanding = TestUnderstanding.Create(TestUnderstanding.DemoAcademies);
        var first = understanding.Understand(text, TestUnderstanding.DemoRegisterSnapshot);
        var again = understanding.Understand(text, TestUnderstanding.DemoRegisterSnapshot);

        Assert.NotSame(first, again);
        Assert.Equal(Describe(first), Describe(again));
        Assert.Equal("chatgpt-free", again.Tool?.Id);
    }

    private static string Describe(UnderstoodMessage u) =>
        string.Join('|', u.Intent, u.ToolLabel, u.Academy, u.Confidence.ToString("R"), string.Join(',', u.Candidates), u.Text,
            u.Hints.UseCategory, string.Join(',', u.Hints.DataCategories), u.Hints.SaysNoPersonalData, u.Hints.LearnersUse,
            u.Hints.YoungestYearGroup, u.Hints.Reference, u.Hints.Renewal);
}
