using AiPolicyBot.Training;
using Moq;

namespace AiPolicyBot.Core.Tests.Conversation;

/// <summary>The per-user training cache: one storage read per person, write-through on record, failures not cached.</summary>
public sealed class TrainingCacheTests
{
    [Fact]
    public async Task Loads_once_per_user_then_answers_from_memory()
    {
        var store = new Mock<ITrainingStore>();
        store.Setup(s => s.ListForUserAsync("u1", It.IsAny<CancellationToken>()))
            .ReturnsAsync([new TrainingRecord("u1", "teachermatic", DateTimeOffset.UnixEpoch, "v1")]);
        var cache = new TrainingCache(store.Object);
        Assert.True(await cache.HasCompletedAsync("u1", "teachermatic", default));
        Assert.False(await cache.HasCompletedAsync("u1", "m365-copilot-chat", default));
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => cache.HasCompletedAsync("u1", "teachermatic", default).AsTask()));
        store.Verify(s => s.ListForUserAsync("u1", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Recording_writes_through_and_is_visible_at_once()
    {
        var store = new Mock<ITrainingStore>();
        store.Setup(s => s.ListForUserAsync("u1", It.IsAny<CancellationToken>())).ReturnsAsync([]);
        store.Setup(s => s.RecordAsync(It.IsAny<TrainingRecord>(), It.IsAny<CancellationToken>())).ReturnsAsync((TrainingRecord r, CancellationToken _) => r);
        var cache = new TrainingCache(store.Object);
        Assert.False(await cache.HasCompletedAsync("u1", "m365-copilot-chat", default));
        await cache.RecordAsync(new TrainingRecord("u1", "m365-copilot-chat", DateTimeOffset.UnixEpoch, "v1"), default);
        Assert.True(await cache.HasCompletedAsync("u1", "m365-copilot-chat", default));
        store.Verify(s => s.RecordAsync(It.IsAny<TrainingRecord>(), It.IsAny<CancellationToken>()), Times.Once);
        store.Verify(s => s.ListForUserAsync("u1", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_failed_load_is_tried_again_next_time()
    {
        var store = new Mock<ITrainingStore>();
        store.SetupSequence(s => s.ListForUserAsync("u1", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TimeoutException())
            .ReturnsAsync([new TrainingRecord("u1", "x", DateTimeOffset.UnixEpoch, "v1")]);
        var cache = new TrainingCache(store.Object);
        await Assert.ThrowsAsync<TimeoutException>(() => cache.HasCompletedAsync("u1", "x", default).AsTask());
        Assert.True(await cache.HasCompletedAsync("u1", "x", default));
    }
}
