using AiPolicyBot.Approvals;
using AiPolicyBot.Requests;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Application.Approvals;

/// <summary>
/// Open requests older than Approval:ExpiryDays expire; pending ones not touched for Approval:ReminderDays
/// get a reminder event (the follow-up messages the pending approvers). Both go through the workflow, so they are
/// ETag-guarded, audited and safe to run twice.
/// </summary>
public sealed class ApprovalDeadlines(IRequestStore requests, ApprovalWorkflow workflow, IOptions<ApprovalOptions> options,
    ILogger<ApprovalDeadlines> logger)
{

    public async Task RunAsync(CancellationToken ct)
    {
        var o = options.Value;
        foreach (var open in await requests.ListOpenAsync(ct))
        {
            var reference = open.Value.Reference;
            try
            {
                var expired = await workflow.ExecuteAsync(reference, new ExpireCommand(o.ExpiryDays), ct);
                if (expired.Status == TransitionStatus.Applied) continue;
                await workflow.ExecuteAsync(reference, new RemindCommand(o.ReminderDays), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Deadline check of {Reference} failed: {Error}", reference, e.GetType().Name);
            }
        }
    }
}
