using AiPolicyBot.Common;
using AiPolicyBot.Training;
using Microsoft.Extensions.Logging;

namespace AiPolicyBot.Application.Training;

/// <summary>Tells a person in Teams that an attestation is about to expire (false when they cannot be reached).</summary>
public interface ITrainingNotices
{
    Task<bool> ExpiringAsync(string userId, TrainingRecord record, DateTimeOffset expiresAt, CancellationToken ct);
}

/// <summary>
/// The daily reminder before an attestation expires (Training:ReminderDaysBefore, 30 by default): each current
/// attestation inside that window gets one reminder, claimed in the idempotency store under the person, the entry
/// and the expiry date, so reruns and a second instance never remind twice; a new attestation has a new expiry and so
/// a reminder of its own. Attestations already ended by a policy change are left to the answers ("retrain").
/// </summary>
public sealed class TrainingReminders(
    ITrainingStore store,
    ITrainingNotices notices,
    IIdempotencyStore once,
    Func<TrainingTerms> terms,
    Func<int> reminderDaysBefore,
    TimeProvider time,
    ILogger<TrainingReminders> logger)
{
    public const string Scope = "training-reminder";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var (current, now, window) = (terms(), time.GetUtcNow(), TimeSpan.FromDays(reminderDaysBefore()));
        var sent = 0;
        await foreach (var r in store.ListAllAsync(ct))
        {
            if (TrainingValidity.StateOf(r, current, now) != TrainingState.Current) continue;
            var expires = TrainingValidity.ExpiresAt(r, current.ValidityMonths);
            if (expires - now > window) continue;
            var key = $"{r.UserId}|{r.EntryId}|{expires:yyyyMMdd}";
            if (!await once.TryClaimAsync(Scope, key, ct)) continue;
            try
            {
                if (await notices.ExpiringAsync(r.UserId, r, expires, ct)) sent++;
                else logger.LogInformation("Training reminder for entry {Entry}: the person could not be reached in Teams", r.EntryId);
            }
            catch
            {
                await once.ReleaseAsync(Scope, key, CancellationToken.None);
                throw;
            }
        }
        return sent;
    }
}
