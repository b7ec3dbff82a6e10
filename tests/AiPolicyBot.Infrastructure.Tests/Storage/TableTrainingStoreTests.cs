using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Training;

namespace AiPolicyBot.Infrastructure.Tests.Storage;

public sealed class TableTrainingStoreTests() : TestTables("trntests")
{
    private TableTrainingStore Store => new(Tables);
    private static readonly CancellationToken Ct = CancellationToken.None;
    private const string User = "cccccccc-0000-0000-0000-000000000003";

    [Fact]
    public async Task Recorded_training_is_found_for_that_user_and_tool_only()
    {
        await Store.RecordAsync(new TrainingRecord(User, "m365-copilot-chat", Samples.Now, "2025.2"), Ct);
        await Store.RecordAsync(new TrainingRecord(User, "teachermatic", Samples.Now.AddDays(1), "2025.2"), Ct);
        await Store.RecordAsync(new TrainingRecord("dddddddd-0000-0000-0000-000000000004", "khanmigo", Samples.Now, "2025.2"), Ct);

        Assert.True(await Store.HasCompletedAsync(User, "m365-copilot-chat", Ct));
        Assert.False(await Store.HasCompletedAsync(User, "khanmigo", Ct));
        Assert.False(await Store.HasCompletedAsync("someone-else", "m365-copilot-chat", Ct));
        var mine = await Store.ListForUserAsync(User, Ct);
        Assert.Equal(["m365-copilot-chat", "teachermatic"], mine.Select(r => r.EntryId).Order());
        Assert.Equal(Samples.Now, mine.Single(r => r.EntryId == "m365-copilot-chat").CompletedAt);
    }

    [Fact]
    public async Task A_newer_completion_replaces_an_older_one_but_never_the_reverse()
    {
        await Store.RecordAsync(new TrainingRecord(User, "canva-magic", Samples.Now, "2025.1"), Ct);
        var newer = await Store.RecordAsync(new TrainingRecord(User, "canva-magic", Samples.Now.AddMonths(6), "2026.1"), Ct);
        var older = await Store.RecordAsync(new TrainingRecord(User, "canva-magic", Samples.Now.AddMonths(1), "2025.1"), Ct);

        Assert.Equal("2026.1", newer.PolicyVersion);
        Assert.Equal("2026.1", older.PolicyVersion); // the stored (newer) record is returned
        var stored = await Store.GetAsync(User, "canva-magic", Ct);
        Assert.Equal(new TrainingRecord(User, "canva-magic", Samples.Now.AddMonths(6), "2026.1"), stored);
    }
}
