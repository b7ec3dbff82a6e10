using AiPolicyBot.Policy;
using AiPolicyBot.Register;

namespace AiPolicyBot.Core.Tests.Conversation;

/// <summary>"Can I use X (for this)?" read from the register the way rule R5 reads it.</summary>
public sealed class UseCheckTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly RegisterSnapshot Register = new(DemoRegister.Entries);
    private static readonly HashSet<string> NoTraining = [];

    private static UseAssessment Assess(string id, UseQuestion? q = null, IReadOnlySet<string>? trained = null, DateOnly? today = null) =>
        UseCheck.Assess(Register.Get(id)!, q ?? new UseQuestion(), trained ?? NoTraining, today ?? Today);

    [Fact]
    public void Approved_without_personal_data_is_allowed_until_personal_data_is_mentioned()
    {
        Assert.Equal(UseVerdict.Allowed, Assess("chatgpt-free").Verdict);
        var withData = Assess("chatgpt-free", new UseQuestion(PersonalData: true));
        Assert.Equal(UseVerdict.NotForThisUse, withData.Verdict);
        Assert.Equal("3.1", withData.PolicySection);
        Assert.Contains("personal data", withData.Gaps[0].Text);
    }

    [Fact]
    public void Approved_with_data_allows_personal_data_within_scope()
    {
        var a = Assess("m365-copilot-chat", new UseQuestion(PersonalData: true), new HashSet<string> { "m365-copilot-chat" });
        Assert.Equal(UseVerdict.Allowed, a.Verdict);
        Assert.True(a.DataAllowed);
    }

    [Fact]
    public void Training_is_required_until_recorded()
    {
        Assert.Equal(UseVerdict.AllowedAfterTraining, Assess("teachermatic").Verdict);
        Assert.Equal("4.2", Assess("teachermatic").PolicySection);
        Assert.Equal(UseVerdict.Allowed, Assess("teachermatic", trained: new HashSet<string> { "teachermatic" }).Verdict);
    }

    [Fact]
    public void Learners_are_checked_against_users_and_minimum_year()
    {
        Assert.Equal(UseVerdict.NotForThisUse, Assess("chatgpt-free", new UseQuestion(LearnersUse: true)).Verdict);
        Assert.Equal(UseVerdict.NotForThisUse, Assess("canva-magic", new UseQuestion(LearnersUse: true, YoungestYearGroup: YearGroup.Y5)).Verdict);
        Assert.Equal(UseVerdict.Allowed, Assess("canva-magic", new UseQuestion(LearnersUse: true, YoungestYearGroup: YearGroup.Y8)).Verdict);
    }

    [Theory]
    [InlineData("grammarly-ext", UseVerdict.Declined)]
    [InlineData("midjourney", UseVerdict.Retired)]
    [InlineData("claude-free", UseVerdict.UnderReview)]
    [InlineData("gemini-consumer", UseVerdict.NotAssessed)]
    public void Other_statuses_are_never_allowed(string id, UseVerdict expected) => Assert.Equal(expected, Assess(id).Verdict);

    [Fact]
    public void A_lapsed_review_date_stops_the_approval()
    {
        Assert.Equal(UseVerdict.ReviewLapsed, Assess("chatgpt-free", today: new DateOnly(2027, 8, 1)).Verdict);
    }

    [Fact]
    public void A_use_outside_the_approved_uses_is_a_new_use()
    {
        var narrow = Register.Get("chatgpt-free")! with { Scope = new RegisterScope { Users = UserGroup.Staff, UseCategories = [UseCategory.LessonPlanning] } };
        Assert.Equal(UseVerdict.Allowed, UseCheck.Assess(narrow, new UseQuestion(UseCategory: UseCategory.LessonPlanning), NoTraining, Today).Verdict);
        Assert.Equal(UseVerdict.NotForThisUse, UseCheck.Assess(narrow, new UseQuestion(UseCategory: UseCategory.Hr), NoTraining, Today).Verdict);
    }

    // An approval for some academies only is answered per academy, and says so when the academy is not known.
    [Fact]
    public void An_approval_for_some_academies_is_yes_only_there()
    {
        var entry = Register.Get("chatgpt-free")! with { Scope = Register.Get("chatgpt-free")!.Scope with { Academies = ["riverside", "oakfield"] } };
        UseAssessment At(string? academy) => UseCheck.Assess(entry, new UseQuestion(Academy: academy), NoTraining, Today);

        Assert.Equal(UseVerdict.Allowed, At("riverside").Verdict);
        Assert.Empty(At("riverside").OnlyAtAcademies);
        var elsewhere = At("kingsmoor");
        Assert.Equal(UseVerdict.NotForThisUse, elsewhere.Verdict);
        Assert.Contains("only at riverside, oakfield", elsewhere.Gaps[0].Text);
        Assert.Equal(UseVerdict.NotForThisUse, At("trust").Verdict);
        var unknown = At(null);
        Assert.Equal(UseVerdict.Allowed, unknown.Verdict);
        Assert.Equal(["riverside", "oakfield"], unknown.OnlyAtAcademies);
        Assert.Empty(UseCheck.Assess(Register.Get("chatgpt-free")!, new UseQuestion(), NoTraining, Today).OnlyAtAcademies);
    }
}
