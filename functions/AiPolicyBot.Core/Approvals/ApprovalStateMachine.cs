using AiPolicyBot.Policy;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Approvals;

/// <summary>
/// The approval life cycle (docs/policy-and-register.md), pure: submitted → pending per role → approved / rejected /
/// more information requested (→ pending when answered) / withdrawn / expired. Trust tier: CIO, CDO and DPO must all
/// approve; any rejection rejects; "approve with conditions" merges its codes; one decision per role. The caller stores
/// the result with the ETag it read and re-applies on a conflict, so a lost update is impossible.
/// </summary>
public static class ApprovalStateMachine
{
    public const int MaxTextLength = 2000;

    /// <summary>
    /// Rounds of questions one request may have: enough for any real review, and a bound on how far a request can
    /// grow (each round keeps a question and an answer), so it always fits its storage row (docs/storage.md).
    /// </summary>
    public const int MaxQuestionRounds = 10;

    public static TransitionResult Apply(ToolRequest request, ApprovalCommand command, ApproverDirectory directory, DateTimeOffset now) =>
        command switch
        {
            DecideCommand c => Decide(request, c, directory, now),
            AskInformationCommand c => AskInformation(request, c, directory, now),
            AnswerInformationCommand c => Answer(request, c, now),
            WithdrawCommand c => Withdraw(request, c, now),
            ExpireCommand c => Expire(request, c, now),
            RemindCommand c => Remind(request, c, now),
            TickCheckCommand c => TickCheck(request, c, directory, now),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown approval command."),
        };

    private static TransitionResult Decide(ToolRequest request, DecideCommand c, ApproverDirectory directory, DateTimeOffset now)
    {
        if (c.Kind == DecisionKind.RequestInformation)
            return AskInformation(request, new AskInformationCommand(c.Actor, c.Comment), directory, now);

        // A repeated click (or the loser of a race re-applying after a reload) finds its own earlier decisions.
        var earlier = request.Decisions.Where(d => Same(d.ApproverId, c.Actor.Id) && d.Kind == c.Kind).ToList();
        var access = ApprovalAuthorizer.Authorize(request, directory, c.Actor.Id);
        if (!access.CanDecide)
            return earlier.Count > 0
                ? new TransitionResult(TransitionStatus.Repeated, request, earlier)
                : Refuse(request, c.Actor.Id);

        var comment = Clean(c.Comment);
        if (comment is { Length: > MaxTextLength }) return Invalid(request, "comment", $"Keep the note under {MaxTextLength} characters.");
        if (c.Kind == DecisionKind.Reject && comment is null)
            return Invalid(request, "rejectReason", "Say why you reject the request: the requester will see the reason.");

        var conditions = c.Kind == DecisionKind.ApproveWithConditions ? c.Conditions.Distinct(StringComparer.Ordinal).ToList() : [];
        if (conditions.FirstOrDefault(code => !ConditionCodes.All.Contains(code)) is { } unknown)
            return Invalid(request, "conditions", $"'{unknown}' is not a condition code.");
        if (c.Kind == DecisionKind.ApproveWithConditions && conditions.Count == 0 && comment is null)
            return Invalid(request, "conditions", "Choose at least one condition or write the condition in the note.");

        // Someone holding several pending roles says which they decide for (the card asks); one role needs no choice.
        // One click decides every role chosen (one row per role), so a double click is never two decisions.
        var roles = access.DecidableRoles;
        if (c.Roles is { Count: > 0 } chosen)
        {
            if (chosen.FirstOrDefault(r => !roles.Contains(r, StringComparer.Ordinal)) is { } notYours)
                return Invalid(request, "roles", $"You cannot decide as {notYours} on this request.");
            roles = [.. roles.Where(chosen.Contains)];
        }
        else if (roles.Count > 1)
            return Invalid(request, "roles", $"You hold {string.Join(" and ", roles)}: choose which of them you decide for.");

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (c.Kind != DecisionKind.Reject)
        {
            if (c.Scope is { } scope && ApprovalScopes.Wider(request.Intake, scope) is { } wider)
                return Invalid(request, wider.Field, wider.Problem);
            if (c.ReviewDate is { } review && ApprovalScopes.ReviewDateProblem(review, today) is { } reviewProblem)
                return Invalid(request, "reviewDate", reviewProblem);
        }

        var decisions = roles
            .Select(role => new ApprovalDecision(role, c.Actor.Id, c.Actor.Name, c.Kind, comment, conditions, now))
            .ToList();
        var pending = request.PendingRoles.Except(roles).ToList();
        var state = c.Kind == DecisionKind.Reject ? RequestState.Rejected
            : pending.Count == 0 ? RequestState.Approved
            : RequestState.Pending;
        var updated = request with
        {
            State = state,
            PendingRoles = state == RequestState.Pending ? pending : [],
            Decisions = [.. request.Decisions, .. decisions],
            AddedConditions = MergeConditions(request.AddedConditions, conditions),
            ApprovedScope = c.Kind == DecisionKind.Reject ? request.ApprovedScope : ApprovalScopes.Narrowest(request.ApprovedScope, c.Scope),
            ReviewDate = c.Kind == DecisionKind.Reject ? request.ReviewDate : ApprovalScopes.Earliest(request.ReviewDate, c.ReviewDate),
            UpdatedAt = now,
        };
        return new TransitionResult(TransitionStatus.Applied, updated, decisions, AuditKinds.For(c.Kind));
    }

    private static TransitionResult AskInformation(ToolRequest request, AskInformationCommand c, ApproverDirectory directory, DateTimeOffset now)
    {
        if (request.State == RequestState.MoreInformationRequested && request.OpenQuestion is { } open
            && Same(open.AskedById, c.Actor.Id) && open.Question == Clean(c.Question))
            return new TransitionResult(TransitionStatus.Repeated, request);
        var access = ApprovalAuthorizer.Authorize(request, directory, c.Actor.Id);
        if (!access.CanDecide) return Refuse(request, c.Actor.Id);
        var question = Clean(c.Question);
        if (question is null) return Invalid(request, "question", "Write the question for the requester.");
        if (question.Length > MaxTextLength) return Invalid(request, "question", $"Keep the question under {MaxTextLength} characters.");
        if (request.AnsweredQuestions.Count >= MaxQuestionRounds)
            return Invalid(request, "question", $"This request has had {MaxQuestionRounds} rounds of questions; approve or reject it now.");
        var updated = request with
        {
            State = RequestState.MoreInformationRequested,
            OpenQuestion = new InformationRequest(access.RoleToDecide!, c.Actor.Id, c.Actor.Name, question, now),
            UpdatedAt = now,
        };
        var row = new ApprovalDecision(access.RoleToDecide!, c.Actor.Id, c.Actor.Name, DecisionKind.RequestInformation, question, [], now);
        return new TransitionResult(TransitionStatus.Applied, updated, [row], AuditKinds.For(DecisionKind.RequestInformation));
    }

    private static TransitionResult Answer(ToolRequest request, AnswerInformationCommand c, DateTimeOffset now)
    {
        var answer = Clean(c.Answer);
        if (!Same(request.RequesterId, c.Actor.Id)) return new TransitionResult(TransitionStatus.NotAllowed, request);
        if (request.State != RequestState.MoreInformationRequested || request.OpenQuestion is null)
            return (request.AnsweredQuestions is [.., var last] ? last.Answer : null) == answer && answer is not null
                ? new TransitionResult(TransitionStatus.Repeated, request)
                : new TransitionResult(TransitionStatus.NotApplicable, request, Problem: "No question is waiting for an answer.");
        if (answer is null) return Invalid(request, "answer", "Write your answer to the approver's question.");
        if (answer.Length > MaxTextLength) return Invalid(request, "answer", $"Keep the answer under {MaxTextLength} characters.");
        var updated = request with
        {
            State = RequestState.Pending,
            OpenQuestion = null,
            AnsweredQuestions = [.. request.AnsweredQuestions, request.OpenQuestion with { Answer = answer, AnsweredAt = now }],
            UpdatedAt = now,
        };
        return new TransitionResult(TransitionStatus.Applied, updated, [RequesterRow(request, DecisionKind.Answer, answer, now)], AuditKinds.For(DecisionKind.Answer));
    }

    private static TransitionResult Withdraw(ToolRequest request, WithdrawCommand c, DateTimeOffset now)
    {
        if (!Same(request.RequesterId, c.Actor.Id)) return new TransitionResult(TransitionStatus.NotAllowed, request);
        if (request.State == RequestState.Withdrawn) return new TransitionResult(TransitionStatus.Repeated, request);
        if (request.State is not (RequestState.Pending or RequestState.MoreInformationRequested or RequestState.Draft))
            return new TransitionResult(TransitionStatus.NotApplicable, request, Problem: "The request is already decided.");
        var reason = Clean(c.Reason);
        if (reason is { Length: > MaxTextLength }) return Invalid(request, "reason", $"Keep the reason under {MaxTextLength} characters.");
        var updated = request with
        {
            State = RequestState.Withdrawn,
            PendingRoles = [],
            ClosingReason = reason ?? WithdrawnWithoutReason,
            UpdatedAt = now,
        };
        return new TransitionResult(TransitionStatus.Applied, updated, [RequesterRow(request, DecisionKind.Withdraw, reason, now)], AuditKinds.For(DecisionKind.Withdraw));
    }

    private static TransitionResult Expire(ToolRequest request, ExpireCommand c, DateTimeOffset now)
    {
        if (request.State is not (RequestState.Pending or RequestState.MoreInformationRequested)
            || now < request.SubmittedAt.AddDays(c.ExpiryDays))
            return new TransitionResult(TransitionStatus.NotApplicable, request);
        var updated = request with
        {
            State = RequestState.Expired,
            PendingRoles = [],
            ClosingReason = $"Nobody decided within {c.ExpiryDays} days, so the request expired. You can submit it again.",
            UpdatedAt = now,
        };
        return new TransitionResult(TransitionStatus.Applied, updated, AuditKind: AuditKinds.Expired);
    }

    private static TransitionResult Remind(ToolRequest request, RemindCommand c, DateTimeOffset now)
    {
        var since = request.LastReminderAt ?? request.SubmittedAt;
        if (request.State != RequestState.Pending || request.PendingRoles.Count == 0 || now < since.AddDays(c.ReminderDays))
            return new TransitionResult(TransitionStatus.NotApplicable, request);
        // Only the reminder time changes; UpdatedAt stays the time of the last real change.
        return new TransitionResult(TransitionStatus.Applied, request with { LastReminderAt = now }, AuditKind: AuditKinds.Reminded);
    }

    /// <summary>A go-live check ticked by a named person (<see cref="DueDiligence.MayTick"/>). The first tick of an item stands.</summary>
    private static TransitionResult TickCheck(ToolRequest request, TickCheckCommand c, ApproverDirectory directory, DateTimeOffset now)
    {
        if (request.State is not (RequestState.Pending or RequestState.MoreInformationRequested or RequestState.Approved))
            return new TransitionResult(TransitionStatus.NotApplicable, request, Problem: "The request is closed.");
        var item = DueDiligence.For(request).FirstOrDefault(i => i.Code == c.Code);
        if (!DueDiligence.MayTick(request, directory, c.Actor.Id, item)) return new TransitionResult(TransitionStatus.NotAllowed, request);
        if (item is null) return Invalid(request, "check", "Choose one of the request's due-diligence items.");
        if (request.Checks.FirstOrDefault(t => t.Code == item.Code) is { } ticked)
            return Same(ticked.ById, c.Actor.Id)
                ? new TransitionResult(TransitionStatus.Repeated, request)
                : new TransitionResult(TransitionStatus.NotApplicable, request, Problem: $"{ticked.ByName} already ticked it.");
        var link = Clean(c.Link);
        if (link is not null && !DueDiligence.IsAcceptableLink(link))
            return Invalid(request, "link", $"The link must be an https address under {DueDiligence.MaxLinkLength} characters.");
        var updated = request with { Checks = [.. request.Checks, new CheckTick(item.Code, c.Actor.Id, c.Actor.Name, now, link)], UpdatedAt = now };
        return new TransitionResult(TransitionStatus.Applied, updated, AuditKind: AuditKinds.CheckTicked);
    }

    /// <summary>
    /// The rows of the steps that decide no role (each question, answer and a withdrawal), derived from the stored
    /// request with the times the steps were taken: the same rows <see cref="Apply"/> returned, so a follow-up can
    /// record any a crash left out (insert-if-absent).
    /// </summary>
    public static IReadOnlyList<ApprovalDecision> StepRows(ToolRequest request)
    {
        var rows = new List<ApprovalDecision>();
        foreach (var q in request.OpenQuestion is { } open ? request.AnsweredQuestions.Append(open) : request.AnsweredQuestions)
        {
            rows.Add(new ApprovalDecision(q.Role, q.AskedById, q.AskedByName, DecisionKind.RequestInformation, q.Question, [], q.AskedAt));
            if (q is { Answer: { } answer, AnsweredAt: { } at }) rows.Add(RequesterRow(request, DecisionKind.Answer, answer, at));
        }
        if (request.State == RequestState.Withdrawn)
            rows.Add(RequesterRow(request, DecisionKind.Withdraw, request.ClosingReason == WithdrawnWithoutReason ? null : request.ClosingReason, request.UpdatedAt));
        return rows;
    }

    private const string WithdrawnWithoutReason = "Withdrawn by the requester.";

    private static ApprovalDecision RequesterRow(ToolRequest request, DecisionKind kind, string? text, DateTimeOffset now) =>
        new("Requester", request.RequesterId, request.RequesterName, kind, text, [], now);

    private static TransitionResult Refuse(ToolRequest request, string userId) =>
        request.State == RequestState.Pending || request.State == RequestState.MoreInformationRequested
            ? new TransitionResult(TransitionStatus.NotAllowed, request)
            : new TransitionResult(TransitionStatus.NotApplicable, request, Problem: "The request is already decided.");

    private static TransitionResult Invalid(ToolRequest request, string field, string problem) =>
        new(TransitionStatus.Invalid, request, Problem: problem, ProblemField: field);

    public static IReadOnlyList<string> MergeConditions(IEnumerable<string> existing, IEnumerable<string> added) =>
        [.. existing.Concat(added).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
