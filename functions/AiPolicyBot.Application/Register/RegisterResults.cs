using AiPolicyBot.Audit;
using AiPolicyBot.Common;
using AiPolicyBot.Register;

namespace AiPolicyBot.Application.Register;

/// <summary>One problem in an import: the row (CSV: as a spreadsheet numbers it; JSON: the entry's position from 1),
/// the field by its wire name, and what is wrong.</summary>
public sealed record ImportError(int Row, string Field, string Message);

/// <summary>What an import will do (dry run) or did, per entry, for the preview.</summary>
public sealed record ImportChange(string Id, string Name, string Change, IReadOnlyList<string> Fields);

/// <summary>The answer to an import. Any error means nothing was written.</summary>
public sealed record ImportReport(int Created, int Updated, int Unchanged, IReadOnlyList<ImportError> Errors,
    IReadOnlyList<ImportChange> Changes, bool DryRun)
{
    public bool Applied => !DryRun && Errors.Count == 0;
}

/// <summary>The outcome of creating or replacing one entry.</summary>
public abstract record PutOutcome
{
    public sealed record Created(Versioned<RegisterEntry> Entry) : PutOutcome;
    public sealed record Replaced(Versioned<RegisterEntry> Entry) : PutOutcome;
    /// <summary>The entry exists and no If-Match was sent (HTTP 428).</summary>
    public sealed record VersionRequired(Versioned<RegisterEntry> Current) : PutOutcome;
    /// <summary>Someone else changed (or removed, or created) the entry first (HTTP 412). Nothing was written.</summary>
    public sealed record Conflict(Versioned<RegisterEntry>? Current, RegisterHistoryItem? LastChange) : PutOutcome;
}

/// <summary>One change to one entry, from the audit chain.</summary>
public sealed record RegisterHistoryItem(long Sequence, DateTimeOffset At, string By, string Kind, string? OldHash,
    string? NewHash, IReadOnlyList<string> Changed, string? Source, string? ImportedBy)
{
    public static RegisterHistoryItem From(AuditEntry row, RegisterAuditData data) =>
        new(row.Sequence, row.At, row.ActorId, row.Kind, data.OldHash, data.NewHash, data.Changed ?? [], data.Source, data.ImportedBy);
}

/// <summary>The JSON kept in an audit row of a register change: hashes, field names and pseudonymous ids, never values.</summary>
public sealed record RegisterAuditData(string? OldHash, string? NewHash, IReadOnlyList<string>? Changed, string? Source, string? ImportedBy = null);
