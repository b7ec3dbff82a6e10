using AiPolicyBot.Teams.Conversation.Understanding;

namespace AiPolicyBot.Teams.Tests.Conversation.Understanding;

/// <summary>
/// The provider keeps the model's scores of messages it has seen: a repeated message gets exactly the model's answer,
/// a caller changing its copy cannot change anyone else's, and texts past the length bound are never kept.
/// </summary>
public sealed class IntentScoreCacheTests
{
    private static readonly IntentModelProvider Provider = new();

    [Theory]
    [InlineData("can i use chat gpt for lesson plans?")]
    [InlineData("my requests")]
    public void A_repeated_message_gets_the_models_own_scores(string text)
    {
        var direct = Provider.Model.Predict(text);
        var first = Provider.Predict(text);
        var second = Provider.Predict(text);

        Assert.Equal(direct, first);
        Assert.Equal(direct, second);
        Assert.NotSame(first, second);
    }

    [Fact]
    public void Changing_a_returned_copy_does_not_change_the_next_answer()
    {
        const string text = "is copilot approved for report writing?";
        var mine = Provider.Predict(text);
        Array.Reverse(mine);

        Assert.Equal(Provider.Model.Predict(text), Provider.Predict(text));
    }

    [Fact]
    public void A_text_past_the_bound_is_predicted_each_time_and_still_right()
    {
        var text = "can i use chat gpt " + new string('x', IntentModelProvider.MaxCachedLength);
        Assert.Equal(Provider.Model.Predict(text), Provider.Predict(text));
        Assert.Equal(Provider.Model.Predict(text), Provider.Predict(text));
    }
}
