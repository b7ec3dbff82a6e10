using AiPolicyBot.Policy;

namespace AiPolicyBot.Requests;

/// <summary>
/// A submitted request for approval of an AI tool, with its routing outcome and approval progress.
/// Identified by its reference AIP-YYYY-NNNN. Stored with an ETag; see the storage docs.
/// </summary>
public sealed record ToolRequest
{
    /// <summary>AIP-YYYY-NNNN, unique.</summary>
    public required string Reference { get; init; }
    /// <summary>Entra object id of the person who asked.</summary>
    public required string RequesterId { get; init; }
    public required string RequesterName { get; init; }
    public required Intake Intake { get; init; }
    public required RoutingOutcome Outcome { get; init; }
    public required RequestState State { get; init; }
    /// <summary>Approver roles that still have to decide.</summary>
    public IReadOnlyList<string> PendingRoles { get; init; } = [];
    /// <summary>Decisions so far, in order (the append-only decision rows are the record; this is the summary).</summary>
    public IReadOnlyList<ApprovalDecision> Decisions { get; init; } = [];
    /// <summary>Conditions the approvers added ("approve with conditions"), merged with the routing conditions.</summary>
    public IReadOnlyList<string> AddedConditions { get; init; } = [];
    public required DateTimeOffset SubmittedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    /// <summary>Where the request came from: "teams", "messageExtension", "mail".</summary>
    public string Source { get; init; } = "teams";
    /// <summary>The client-side submission id (wizard session) that created it: a repeated submit finds it again.</summary>
    public string? SubmissionId { get; init; }
}

public enum RequestState
{
    /// <summary>Created from mail triage; the requester still has to complete it in Teams.</summary>
    Draft,
    /// <summary>Waiting for the approvers in <see cref="ToolRequest.PendingRoles"/>.</summary>
    Pending,
    MoreInformationRequested,
    Approved,
    Rejected,
    Withdrawn,
    Expired,
    /// <summary>The policy or register already answers it (prohibited or already approved): nobody needs to decide.</summary>
    Closed,
}

/// <summary>One approver's decision, signed by a named person.</summary>
public sealed record ApprovalDecision(
    string Role,
    string ApproverId,
    string ApproverName,
    DecisionKind Kind,
    string? Comment,
    IReadOnlyList<string> Conditions,
    DateTimeOffset DecidedAt);

public enum DecisionKind { Approve, ApproveWithConditions, Reject, RequestInformation }
