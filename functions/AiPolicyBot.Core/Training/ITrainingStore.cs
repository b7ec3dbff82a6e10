namespace AiPolicyBot.Training;

/// <summary>Durable training records (Table Storage in Azure).</summary>
public interface ITrainingStore
{
    /// <summary>
    /// Records a completion and returns what is stored. Recording again is safe: the latest completion wins, an older
    /// one never overwrites a newer one.
    /// </summary>
    Task<TrainingRecord> RecordAsync(TrainingRecord record, CancellationToken ct);

    Task<TrainingRecord?> GetAsync(string userId, string entryId, CancellationToken ct);

    /// <summary>True when <paramref name="userId"/> completed training for <paramref name="entryId"/> (any policy version).</summary>
    Task<bool> HasCompletedAsync(string userId, string entryId, CancellationToken ct);

    Task<IReadOnlyList<TrainingRecord>> ListForUserAsync(string userId, CancellationToken ct);

    /// <summary>Every record, streamed a page at a time (the training report and the expiry reminders).</summary>
    IAsyncEnumerable<TrainingRecord> ListAllAsync(CancellationToken ct);
}
