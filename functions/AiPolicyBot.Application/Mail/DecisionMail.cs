using AiPolicyBot.Approvals;
using AiPolicyBot.Mail;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Application.Mail;

/// <summary>
/// The one rule for the decision email: a request in a final state (approved, rejected, withdrawn, expired) has a
/// decision-mail job, with a deterministic id so every path that ensures it (the approval that made the request
/// final, a repeated click, the request-event safety net) records it once.
/// </summary>
public static class DecisionMail
{
    /// <summary>The job when <paramref name="request"/> is final, else null.</summary>
    public static OutboxJob? JobFor(ToolRequest request, DateTimeOffset at) =>
        request.State.IsFinal() ? OutboxJob.DecisionFor(request.Reference, at) : null;

    /// <summary>Records the job (insert-if-absent) when the request is final.</summary>
    public static Task EnsureAsync(IOutbox outbox, ToolRequest request, DateTimeOffset at, CancellationToken ct) =>
        JobFor(request, at) is { } job ? outbox.EnsureAsync(job, ct) : Task.CompletedTask;
}
