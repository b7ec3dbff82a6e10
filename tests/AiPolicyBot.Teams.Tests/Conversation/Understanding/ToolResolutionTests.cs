using AiPolicyBot.Teams.Tests.Support;

namespace AiPolicyBot.Teams.Tests.Conversation.Understanding;

/// <summary>Register first, then the catalogue (as unknown names), then careful extraction of a name not in either.</summary>
public sealed class ToolResolutionTests
{
    [Theory]
    [InlineData("can i use chat gtp for lesson plans?", "chatgpt-free")]
    [InlineData("is copliot ok for reports", "m365-copilot-chat")]
    [InlineData("is the microsoft one ok for minutes?", "m365-copilot-chat")]
    [InlineData("Can I use Canva's AI to make a poster?", "canva-magic")]
    [InlineData("is github copilot ok for my computing club?", "unknown:GitHub Copilot")]
    [InlineData("Can we use Google AI Studio to build a quiz bot?", "unknown:Google AI Studio")]
    [InlineData("can i use perplexity for research", "unknown:Perplexity")]
    [InlineData("Is magicschool allowed for planning?", "unknown:MagicSchool")]
    [InlineData("Request approval: Diffit, for levelled reading texts", "unknown:Diffit")]
    [InlineData("Can I use Zorblax for lesson starters?", "unknown:Zorblax")]
    [InlineData("is there an app called quizwhizz we could use", "unknown:quizwhizz")]
    public void A_tool_is_resolved(string text, string expected) =>
        Assert.Equal(expected, TestUnderstanding.Understand(text).ToolLabel);

    // The contract's unknown name is the name as written (the catalogue's full name would be "Brisk Teaching",
    // "Fireflies.ai", "Sparx Maths"); a misspelling is no one's name for it, so it is the catalogue's.
    [Theory]
    [InlineData("is brisk ok for feedback?", "unknown:Brisk")]
    [InlineData("Is Fireflies allowed for recording Teams meetings?", "unknown:Fireflies")]
    [InlineData("Sparx has new AI features, are those approved?", "unknown:Sparx")]
    [InlineData("is perplexty allowed", "unknown:Perplexity")]
    public void An_unknown_product_is_named_as_written(string text, string expected) =>
        Assert.Equal(expected, TestUnderstanding.Understand(text).ToolLabel);

    [Theory]
    [InlineData("Sorry to bother you - show me requests I submitted for Riverside")]
    [InlineData("I'm the SENCo. What's waiting for my approval?")]
    [InlineData("Where is AIP-2026-0301 up to? I'm new to the trust.")]
    [InlineData("Can I use AI to write a lesson on Henry VIII for Year 8?")]
    [InlineData("Is AI allowed for my KS3 History and Geography lessons at Oakfield?")]
    [InlineData("can my Year 10s use AI for revision in London next week")]
    [InlineData("Can Oakfiled staff use AI for planning?")]
    [InlineData("St Aidan's here. any approvals for me")]
    [InlineData("Mrs Patel asked whether the WiFi blocks AI sites")]
    [InlineData("Hey, The Trust Newsletter Came Out Today")]
    [InlineData("The Wi-Fi at Brookmere keeps dropping on my Chromebook")]
    public void Ordinary_words_people_places_subjects_year_groups_and_academies_are_never_products(string text) =>
        Assert.Null(TestUnderstanding.Understand(text).ToolLabel);
}
