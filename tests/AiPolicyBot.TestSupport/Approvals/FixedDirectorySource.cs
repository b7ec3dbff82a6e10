using AiPolicyBot.Approvals;

namespace AiPolicyBot.Testing.Approvals;

/// <summary>The approver directory the test gives, instead of one read from settings or Graph.</summary>
public sealed class FixedDirectorySource(ApproverDirectory directory) : IApproverDirectorySource
{
    public ValueTask<ApproverDirectory> GetAsync(CancellationToken ct) => ValueTask.FromResult(directory);
}
