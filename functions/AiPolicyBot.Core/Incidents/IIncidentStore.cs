using AiPolicyBot.Common;

namespace AiPolicyBot.Incidents;

/// <summary>Durable incident cases (Table Storage in Azure), every change guarded by the case's version (ETag).</summary>
public interface IIncidentStore
{
    /// <summary>
    /// Stores <paramref name="draft"/> under a new case id unless a case for its <see cref="IncidentCase.SourceKey"/>
    /// exists; returns the stored case and whether this call created it.
    /// </summary>
    Task<(Versioned<IncidentCase> Case, bool Created)> OpenAsync(IncidentCase draft, CancellationToken ct);

    Task<Versioned<IncidentCase>?> GetAsync(string id, CancellationToken ct);

    /// <summary>Replaces the case if <paramref name="version"/> is still current, else <see cref="ConcurrencyConflictException"/>.</summary>
    Task<Versioned<IncidentCase>> UpdateAsync(IncidentCase c, string version, CancellationToken ct);

    /// <summary>Every case, oldest first (a trust opens tens a year, not thousands).</summary>
    IAsyncEnumerable<IncidentCase> ListAsync(CancellationToken ct);
}

/// <summary>Opens a case for a cause (R0 declaration, breach mail, chat concern); the same cause twice is one case.</summary>
public interface IIncidentIntake
{
    Task<IncidentCase> OpenAsync(IncidentOpening opening, CancellationToken ct);
}

/// <summary>What a source knows when it opens a case (no message content: the facts are ids, categories, times).</summary>
public sealed record IncidentOpening(
    string SourceKey,
    IncidentSource Source,
    IncidentSeverity Severity,
    DateTimeOffset AwareAt,
    IReadOnlyList<IncidentFact> Facts,
    string OpenedById,
    string AcademyId = "unknown",
    string? Origin = null);
