using AiPolicyBot.Policy;
using AiPolicyBot.Register;
using AiPolicyBot.Training;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Teams.Conversation.Staff;

/// <summary>Records "I've completed the training for X" (user, tool, date, policy version) for rule R5.</summary>
public sealed class TrainingRecorder(StaffConversation conversation, TimeProvider time, IOptionsMonitor<PolicyOptions> policy)
{
    public Task<TrainingRecord> RecordAsync(string userId, RegisterEntry entry, CancellationToken ct) =>
        conversation.Training.RecordAsync(new TrainingRecord(userId, entry.Id, time.GetUtcNow(), policy.CurrentValue.PolicyVersion), ct);

    public async ValueTask<IReadOnlyList<RegisterEntry>> ToolsNeedingTrainingAsync(CancellationToken ct) =>
        (await conversation.Register.GetAsync(ct)).Entries
            .Where(e => e.Status is RegisterStatus.Approved or RegisterStatus.ApprovedNoPersonalData
                        && e.Conditions.Contains(ConditionCodes.TrainingBeforeFirstUse))
            .OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase).ToList();
}
