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
    /// <summary>An approver's question waiting for the requester's answer (state MoreInformationRequested).</summary>
    public InformationRequest? OpenQuestion { get; init; }
    /// <summary>Questions asked and answered so far, in order.</summary>
    public IReadOnlyList<InformationRequest> AnsweredQuestions { get; init; } = [];
    /// <summary>When approvers were last reminded (the reminder timer's own idempotency).</summary>
    public DateTimeOffset? LastReminderAt { get; init; }
    /// <summary>Why the request ended without a decision (withdrawn, expired), in plain English.</summary>
    public string? ClosingReason { get; init; }
    /// <summary>The client-side submission id (wizard session) that created it: a repeated submit finds it again.</summary>
    public string? SubmissionId { get; init; }
    /// <summary>Go-live checks ticked so far (<see cref="Approvals.DueDiligence"/>), one per checklist code.</summary>
    public IReadOnlyList<CheckTick> Checks { get; init; } = [];
    /// <summary>The scope the approvers narrowed the request to at approval (null: as asked).</summary>
    public ApprovalScope? ApprovedScope { get; init; }
    /// <summary>The review date an approver set at approval (the earliest one wins); null: from the conditions.</summary>
    public DateOnly? ReviewDate { get; init; }
}

/// <summary>A due-diligence item ticked by a named person, with an optional link to the evidence.</summary>
public sealed record CheckTick(string Code, string ById, string ByName, DateTimeOffset At, string? Link = null);

/// <summary>
/// How approvers narrowed what the request asked for: only the requesting academy, fewer users, older learners, less
/// data. Each part is null when left as asked; it is never wider than the request (checked by the state machine).
/// </summary>
public sealed record ApprovalScope
{
    public bool OnlyRequestingAcademy { get; init; }
    public UserGroup? Users { get; init; }
    public YearGroup? YoungestYearGroup { get; init; }
    public IReadOnlyList<DataCategory>? Data { get; init; }

    public bool IsEmpty => !OnlyRequestingAcademy && Users is null && YoungestYearGroup is null && Data is null;
}

/// <summary>An approver asked the requester for more information; <see cref="Answer"/> is set when they replied.</summary>
public sealed record InformationRequest(
    string Role,
    string AskedById,
    string AskedByName,
    string Question,
    DateTimeOffset AskedAt,
    string? Answer = null,
    DateTimeOffset? AnsweredAt = null);

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

/// <summary>
/// What a row of the decision log records. Approve, approve with conditions and reject decide a role; the others
/// (a question, its answer, a withdrawal) are recorded as rows too, so the log holds every step a person took.
/// </summary>
public enum DecisionKind { Approve, ApproveWithConditions, Reject, RequestInformation, Answer, Withdraw }
