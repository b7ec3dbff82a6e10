using AiPolicyBot.Testing.Time;
using AiPolicyBot.Training;
using Moq;

namespace AiPolicyBot.Core.Tests.Training;

/// <summary>Attestations expire after the configured months and at once when the policy version changes; the cache counts only current ones.</summary>
public sealed class TrainingValidityTests
{
    private static readonly DateTimeOffset Done = new(2025, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly TrainingTerms Terms = new("2025-09", 12);

    [Fact]
    public void Current_until_the_months_run_out_or_the_policy_changes()
    {
        var r = new TrainingRecord("u", "teachermatic", Done, "2025-09");
        Assert.Equal(TrainingState.Missing, TrainingValidity.StateOf(null, Terms, Done));
        Assert.Equal(TrainingState.Current, TrainingValidity.StateOf(r, Terms, Done.AddMonths(12).AddSeconds(-1)));
        Assert.Equal(TrainingState.Expired, TrainingValidity.StateOf(r, Terms, Done.AddMonths(12)));
        Assert.Equal(TrainingState.Current, TrainingValidity.StateOf(r, Terms with { ValidityMonths = 24 }, Done.AddMonths(13)));
        Assert.Equal(TrainingState.Expired, TrainingValidity.StateOf(r, Terms with { PolicyVersion = "2026-07" }, Done.AddDays(1)));
    }

    [Fact]
    public async Task The_cache_counts_only_current_attestations()
    {
        var store = new Mock<ITrainingStore>();
        store.Setup(s => s.ListForUserAsync("u", It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new TrainingRecord("u", "teachermatic", Done, "2025-09"),
            new TrainingRecord("u", "m365-copilot-chat", Done.AddMonths(-13), "2025-09"),
            new TrainingRecord("u", "claude-free", Done, "2024-07"),
        ]);
        var terms = Terms;
        var cache = new TrainingCache(store.Object, () => terms, new ManualClock(Done.AddMonths(1)));

        Assert.Equal(["teachermatic"], await cache.CompletedAsync("u", default));
        Assert.Equal(TrainingState.Expired, (await cache.StateAsync("u", "m365-copilot-chat", default)).State);
        Assert.Equal(TrainingState.Missing, (await cache.StateAsync("u", "khanmigo", default)).State);
        terms = terms with { PolicyVersion = "2026-07" }; // the policy changes: everyone retrains
        Assert.False(await cache.HasCompletedAsync("u", "teachermatic", default));
    }
}
