using System.Text.Json;
using AiPolicyBot.Approvals;
using AiPolicyBot.Audit;
using AiPolicyBot.Common;
using AiPolicyBot.Register;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Application.Register;

/// <summary>
/// Writes the register entry a final decision calls for (<see cref="RegisterDecision"/>), ETag-guarded, and audits it
/// on the "register" stream. Idempotent: an entry that already carries this request's reference is left alone.
/// </summary>
public sealed class RegisterRecorder(IRegisterStore register, IAuditLog audit, TimeProvider time)
{
    public async Task<RegisterEntry?> RecordAsync(ToolRequest request, DateOnly? nextPolicyReview, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var id = RegisterDecision.EntryIdFor(request);
            var existing = await register.GetAsync(id, ct);
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            var entry = RegisterDecision.For(request, existing?.Value, today, nextPolicyReview);
            if (entry is null) return null;
            // Written once per request, and again only as its go-live checks are ticked (checks pending → live).
            if (existing?.Value.DecisionReference == request.Reference
                && existing.Value.ChecksPending.SequenceEqual(entry.ChecksPending, StringComparer.Ordinal)) return null;
            if (existing?.Value.DecisionReference == request.Reference)
                entry = existing.Value with { ChecksPending = entry.ChecksPending };
            try
            {
                if (existing is null) await register.AddAsync(entry, ct);
                else await register.UpdateAsync(entry, existing.Version, ct);
            }
            catch (ConcurrencyConflictException) when (attempt < 5)
            {
                continue;
            }
            await audit.AppendAsync("register", new AuditEvent(AuditKinds.RegisterUpdated, "system", entry.Id,
                JsonSerializer.Serialize(new { reference = request.Reference, status = entry.Status.ToString(), reviewBy = entry.ReviewBy, checksPending = entry.ChecksPending.Count })), ct);
            return entry;
        }
    }
}
