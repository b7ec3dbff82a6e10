using System.Text.Json;
using AiPolicyBot.Approvals;
using AiPolicyBot.Audit;
using AiPolicyBot.Common;
using AiPolicyBot.Policy;
using AiPolicyBot.Register;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Application.Register;

/// <summary>
/// Register entries whose reviewBy is 30 and 7 days away get a "review due" notice to the CIO (and deputies);
/// on and after reviewBy an approved entry becomes underReview, so rule R5 stops matching it (docs/policy-and-register.md
/// REVIEW_12_MONTHS). Notices are claimed in the idempotency store; status changes are ETag-guarded and audited.
/// </summary>
public sealed class RegisterReview(
    IRegisterStore register,
    IApproverDirectorySource directories,
    IApprovalNotices notices,
    IIdempotencyStore once,
    IAuditLog audit,
    IRegisterChangeListener registerChanged,
    IOptions<ApprovalOptions> options,
    TimeProvider time,
    ILogger<RegisterReview> logger)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var directory = await directories.GetAsync(ct);
        var changed = false;
        foreach (var stored in await register.ListAsync(ct))
        {
            var entry = stored.Value;
            if (entry.ReviewBy is not { } reviewBy || entry.Status is not (RegisterStatus.Approved or RegisterStatus.ApprovedNoPersonalData)) continue;
            var daysLeft = reviewBy.DayNumber - today.DayNumber;
            if (daysLeft <= 0)
            {
                changed |= await LapseAsync(stored, ct);
                continue;
            }
            // The nearest notice day not yet passed: at 30 days (or fewer, if the job was down) and again at 7.
            var notice = options.Value.ReviewNoticeDays.Where(d => daysLeft <= d).OrderBy(d => d).FirstOrDefault();
            if (notice == 0) continue;
            foreach (var cio in directory.PeopleFor(ApproverRoles.Cio, "trust"))
            {
                var key = $"{entry.Id}|{reviewBy:yyyy-MM-dd}|{notice}|{cio}";
                if (!await once.TryClaimAsync("register-review", key, ct)) continue;
                try
                {
                    await notices.ReviewDueAsync(cio, entry, reviewBy, daysLeft, ct);
                }
                catch
                {
                    await once.ReleaseAsync("register-review", key, ct);
                    throw;
                }
            }
        }
        if (changed) await registerChanged.RegisterChangedAsync(ct);
    }

    private async Task<bool> LapseAsync(Versioned<RegisterEntry> stored, CancellationToken ct)
    {
        try
        {
            await register.UpdateAsync(stored.Value with { Status = RegisterStatus.UnderReview }, stored.Version, ct);
        }
        catch (ConcurrencyConflictException)
        {
            logger.LogInformation("Register entry changed while lapsing it; the next run looks again");
            return false;
        }
        await audit.AppendAsync("register", new AuditEvent("register.reviewLapsed", "system", stored.Value.Id,
            JsonSerializer.Serialize(new { reviewBy = stored.Value.ReviewBy })), ct);
        return true;
    }
}
