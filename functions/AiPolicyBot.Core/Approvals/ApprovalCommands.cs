using AiPolicyBot.Requests;

namespace AiPolicyBot.Approvals;

/// <summary>Who is acting: Entra object id and display name (the name is shown on cards, never written to the audit log).</summary>
public sealed record ApprovalActor(string Id, string Name)
{
    public static readonly ApprovalActor System = new("system", "AiPolicyBot");
}

/// <summary>Something someone wants to do to a request. Applied by <see cref="ApprovalStateMachine"/>.</summary>
public abstract record ApprovalCommand(ApprovalActor Actor);

/// <summary>
/// Approve, approve with conditions or reject. Reject needs a reason; extra conditions must be known codes. Someone
/// holding several pending roles names the <see cref="Roles"/> they decide for; an approval may narrow the
/// <see cref="Scope"/> and set the <see cref="ReviewDate"/>, never wider or later than the request allows.
/// </summary>
public sealed record DecideCommand(ApprovalActor Actor, DecisionKind Kind, string? Comment, IReadOnlyList<string> Conditions)
    : ApprovalCommand(Actor)
{
    public IReadOnlyList<string>? Roles { get; init; }
    public ApprovalScope? Scope { get; init; }
    public DateOnly? ReviewDate { get; init; }
}

/// <summary>A named person ticks a due-diligence item (<see cref="DueDiligence"/>), with an optional evidence link.</summary>
public sealed record TickCheckCommand(ApprovalActor Actor, string? Code, string? Link) : ApprovalCommand(Actor);

public sealed record AskInformationCommand(ApprovalActor Actor, string? Question) : ApprovalCommand(Actor);

public sealed record AnswerInformationCommand(ApprovalActor Actor, string? Answer) : ApprovalCommand(Actor);

public sealed record WithdrawCommand(ApprovalActor Actor, string? Reason) : ApprovalCommand(Actor);

/// <summary>The expiry timer: the request waited longer than Approval:ExpiryDays.</summary>
public sealed record ExpireCommand(int ExpiryDays) : ApprovalCommand(ApprovalActor.System);

/// <summary>The reminder timer: pending approvers have not acted for Approval:ReminderDays.</summary>
public sealed record RemindCommand(int ReminderDays) : ApprovalCommand(ApprovalActor.System);

public enum TransitionStatus
{
    /// <summary>The request changed: store it (ETag-guarded), then record the decision and audit entry.</summary>
    Applied,
    /// <summary>A repeated click: this person already did exactly this; nothing new happens.</summary>
    Repeated,
    /// <summary>This person may not do this (not a pending approver, not the requester, own request). Show read-only.</summary>
    NotAllowed,
    /// <summary>The input is wrong (missing reason, unknown condition code); <see cref="TransitionResult.Problem"/> says what.</summary>
    Invalid,
    /// <summary>The request is not in a state that allows it (already decided, not due yet).</summary>
    NotApplicable,
}

/// <summary>
/// The outcome of applying a command. <see cref="Decisions"/> are the new (or, when repeated, the earlier) decision
/// rows: one per role the person decided.
/// <see cref="AuditKind"/> names the audit entry to append when applied.
/// </summary>
public sealed record TransitionResult(
    TransitionStatus Status,
    ToolRequest Request,
    IReadOnlyList<ApprovalDecision>? Decisions = null,
    string? AuditKind = null,
    string? Problem = null,
    string? ProblemField = null)
{
    public bool BecameFinal => Status == TransitionStatus.Applied && Request.State.IsFinal();

    public IReadOnlyList<ApprovalDecision> DecisionRows => Decisions ?? [];
}

public static class FinalStates
{
    /// <summary>Approved, rejected, withdrawn and expired are final: the decision email goes out and nothing changes any more.</summary>
    public static bool IsFinal(this RequestState state) =>
        state is RequestState.Approved or RequestState.Rejected or RequestState.Withdrawn or RequestState.Expired;
}
