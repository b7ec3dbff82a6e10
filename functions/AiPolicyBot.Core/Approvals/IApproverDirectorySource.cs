namespace AiPolicyBot.Approvals;

/// <summary>The current approver directory: configuration merged with the Table Storage overrides (cached briefly).</summary>
public interface IApproverDirectorySource
{
    ValueTask<ApproverDirectory> GetAsync(CancellationToken ct);
}

/// <summary>
/// One override row of table Approvers: the holder of a Trust role (AcademyId null) or an academy's leader, with
/// deputies. An override replaces the configured holders of that role.
/// </summary>
public sealed record ApproverOverride(string Role, string? AcademyId, string Primary, IReadOnlyList<string> Deputies);

/// <summary>Table Storage overrides of the configured approvers (table Approvers).</summary>
public interface IApproverOverrideStore
{
    Task<IReadOnlyList<ApproverOverride>> ListAsync(CancellationToken ct);

    /// <summary>Sets (replaces) the override of one role; the next directory read sees it.</summary>
    Task SetAsync(ApproverOverride value, CancellationToken ct);
}
