using AiPolicyBot.Common;

namespace AiPolicyBot.Triage.Inbox;

/// <summary>Triage records, one per mail. Insert is the dedupe: a second insert of the same key returns the first.</summary>
public interface ITriageRecordStore
{
    /// <summary>Inserts <paramref name="record"/>, or returns the stored one (Inserted = false) when the key exists.</summary>
    Task<(Versioned<TriageRecord> Record, bool Inserted)> InsertOrGetAsync(TriageRecord record, CancellationToken ct);

    Task<Versioned<TriageRecord>?> GetAsync(string key, CancellationToken ct);

    /// <summary>ETag-conditional replace; <see cref="ConcurrencyConflictException"/> when it changed meanwhile.</summary>
    Task<Versioned<TriageRecord>> UpdateAsync(TriageRecord record, string version, CancellationToken ct);
}

/// <summary>
/// A person's confirmation or correction of a category (Table "TriageCorrections"), kept for retraining: with its
/// <see cref="Example"/> it is a labelled example (<see cref="ToJsonLine"/>) for the reviewed retraining step.
/// </summary>
public sealed record TriageCorrection(
    string RecordKey,
    TriageCategory Suggested,
    TriageCategory Confirmed,
    double Confidence,
    IReadOnlyList<string> Signals,
    string ById,
    DateTimeOffset At,
    TriageExample? Example = null)
{
    public bool IsCorrection => Suggested != Confirmed;

    /// <summary>The labelled example in the training schema (null without an example); the person is not named.</summary>
    public string? ToJsonLine() => Example?.ToJsonLine("correction-" + RecordKey[..Math.Min(16, RecordKey.Length)], Confirmed,
        $"correction; suggested {Suggested.WireName()} at {Confidence.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}");
}

public interface ITriageCorrectionStore
{
    /// <summary>Upsert by record key: the latest word of a person counts.</summary>
    Task SaveAsync(TriageCorrection correction, CancellationToken ct);

    Task<IReadOnlyList<TriageCorrection>> ListAsync(CancellationToken ct);
}

/// <summary>Durable sync state: the inbox deltaLink and the Graph subscription (one row each).</summary>
public interface IInboxSyncStateStore
{
    Task<Versioned<string>?> GetAsync(string name, CancellationToken ct);

    /// <summary>Creates (version null) or replaces (ETag) the value; <see cref="ConcurrencyConflictException"/> on a race.</summary>
    Task<Versioned<string>> SaveAsync(string name, string value, string? version, CancellationToken ct);

    Task DeleteAsync(string name, CancellationToken ct);
}
