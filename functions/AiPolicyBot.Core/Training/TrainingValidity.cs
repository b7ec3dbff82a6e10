namespace AiPolicyBot.Training;

/// <summary>
/// Configuration section "Training" (docs/spec/training-records.md): how long an attestation lasts and how early the
/// reminder goes.
/// </summary>
public sealed class TrainingOptions
{
    public const string Section = "Training";

    /// <summary>Months an attestation stays current (a change of policy version ends it sooner).</summary>
    public int ValidityMonths { get; set; } = 12;

    /// <summary>Days before expiry the person is reminded to retrain.</summary>
    public int ReminderDaysBefore { get; set; } = 30;
}

/// <summary>Current (counts for first use), expired (retrain before use), missing (never attested).</summary>
public enum TrainingState { Current, Expired, Missing }

/// <summary>What an attestation is measured against: the policy version staff attest to now, and the validity.</summary>
public sealed record TrainingTerms(string PolicyVersion, int ValidityMonths);

/// <summary>
/// The terms in force, built from the settings when the host starts and again only when a setting changes
/// (<see cref="Replace"/>), so a question reads them (<see cref="Current"/>) without looking at settings.
/// </summary>
public sealed class TrainingTermsInForce(TrainingTerms initial)
{
    private volatile TrainingTerms _current = initial;

    public TrainingTerms Current() => _current;

    public void Replace(TrainingTerms terms) => _current = terms;
}

/// <summary>
/// When an attestation stops counting: after <see cref="TrainingTerms.ValidityMonths"/> months, or at once when the
/// policy version it was given under is no longer the current one. Pure.
/// </summary>
public static class TrainingValidity
{
    /// <summary>The moment the attestation expires by age (a policy change can end it earlier).</summary>
    public static DateTimeOffset ExpiresAt(TrainingRecord r, int validityMonths) => r.CompletedAt.AddMonths(validityMonths);

    public static TrainingState StateOf(TrainingRecord? r, TrainingTerms terms, DateTimeOffset now) =>
        r is null ? TrainingState.Missing
        : !string.Equals(r.PolicyVersion, terms.PolicyVersion, StringComparison.Ordinal) || now >= ExpiresAt(r, terms.ValidityMonths)
            ? TrainingState.Expired
            : TrainingState.Current;
}
