using AiPolicyBot.Approvals;
using AiPolicyBot.Policy;
using AiPolicyBot.Register;
using AiPolicyBot.Requests;
using static AiPolicyBot.Testing.Approvals.ApprovalSamples;

namespace AiPolicyBot.Core.Tests.Approvals;

/// <summary>Due diligence, roles chosen explicitly, a narrower scope and review date at approval (docs/spec/due-diligence.md).</summary>
public class DueDiligenceTests
{
    private static readonly DateTimeOffset Now = Submitted.AddDays(1);

    private static TransitionResult Apply(ToolRequest r, ApprovalCommand c, ApproverDirectory? directory = null) =>
        ApprovalStateMachine.Apply(r, c, directory ?? Directory(), Now);

    private static ToolRequest ApprovedByAll(ToolRequest r)
    {
        foreach (var who in new[] { Cio, Cdo, Dpo }) r = Apply(r, new DecideCommand(Actor(who), DecisionKind.Approve, null, [])).Request;
        return r;
    }

    [Fact]
    public void The_checklist_follows_the_conditions_and_an_approval_stays_checks_pending_until_each_is_ticked()
    {
        var approved = ApprovedByAll(TrustRequest());
        Assert.Equal(RequestState.Approved, approved.State);
        Assert.Equal([DueDiligence.Dpia.Code, DueDiligence.Dpa.Code, DueDiligence.Security.Code, DueDiligence.VendorTraining.Code],
            DueDiligence.For(approved).Select(i => i.Code));
        Assert.True(DueDiligence.ChecksPending(approved));
        var entry = RegisterDecision.For(approved, null, new DateOnly(2026, 11, 3), null)!;
        Assert.Equal(4, entry.ChecksPending.Count);
        Assert.Equal(UseVerdict.ChecksPending, UseCheck.Assess(entry, new UseQuestion(), new HashSet<string>(), new DateOnly(2026, 11, 3)).Verdict);

        var r = approved;
        foreach (var (who, code) in new[] { (Dpo, DueDiligence.Dpa.Code), (Cio, DueDiligence.Security.Code), (Cdo, DueDiligence.VendorTraining.Code) })
        {
            var tick = Apply(r, new TickCheckCommand(Actor(who), code, "https://sharepoint.example/evidence"));
            Assert.Equal(TransitionStatus.Applied, tick.Status);
            Assert.Equal(AuditKinds.CheckTicked, tick.AuditKind);
            r = tick.Request;
        }
        Assert.True(DueDiligence.ChecksPending(r));
        Assert.Equal(["DPIA completed and signed off"], RegisterDecision.For(r, null, new DateOnly(2026, 11, 3), null)!.ChecksPending);

        var dpia = Apply(r, new TickCheckCommand(Actor(Dpo), DueDiligence.Dpia.Code, null));
        Assert.False(DueDiligence.ChecksPending(dpia.Request));
        var tick1 = Assert.Single(dpia.Request.Checks, t => t.Code == DueDiligence.Dpia.Code);
        Assert.Equal((Dpo, Now), (tick1.ById, tick1.At));
        var live = RegisterDecision.For(dpia.Request, null, new DateOnly(2026, 11, 3), null)!;
        Assert.Empty(live.ChecksPending);
        Assert.Equal(UseVerdict.AllowedAfterTraining, UseCheck.Assess(live, new UseQuestion(), new HashSet<string>(), new DateOnly(2026, 11, 3)).Verdict);
    }

    [Fact]
    public void Only_people_on_the_route_tick_never_the_requester_and_a_link_must_be_https()
    {
        var r = TrustRequest();
        Assert.Equal(TransitionStatus.NotAllowed, Apply(r, new TickCheckCommand(Actor(Teacher), DueDiligence.Dpia.Code, null)).Status);
        Assert.Equal(TransitionStatus.NotAllowed, Apply(r, new TickCheckCommand(Actor(Stranger), DueDiligence.Dpia.Code, null)).Status);
        Assert.Equal(TransitionStatus.NotAllowed, Apply(r, new TickCheckCommand(Actor(OakfieldLeader), DueDiligence.Dpia.Code, null)).Status);
        var bad = Apply(r, new TickCheckCommand(Actor(Dpo), DueDiligence.Dpia.Code, "javascript:alert(1)"));
        Assert.Equal((TransitionStatus.Invalid, "link"), (bad.Status, bad.ProblemField));
        var unknown = Apply(r, new TickCheckCommand(Actor(Dpo), "safeguarding", null));
        Assert.Equal((TransitionStatus.Invalid, "check"), (unknown.Status, unknown.ProblemField));
        var once = Apply(r, new TickCheckCommand(Actor(Dpo), DueDiligence.Dpia.Code, null)).Request;
        Assert.Equal(TransitionStatus.Repeated, Apply(once, new TickCheckCommand(Actor(Dpo), DueDiligence.Dpia.Code, null)).Status);
        Assert.Equal(TransitionStatus.NotApplicable, Apply(once, new TickCheckCommand(Actor(Cio), DueDiligence.Dpia.Code, null)).Status);
    }

    [Fact]
    public void Someone_holding_two_roles_chooses_which_they_decide_for()
    {
        var directory = Directory() with
        {
            TrustRoles = new Dictionary<string, RoleHolders>
            {
                [ApproverRoles.Cio] = new(Cio, []),
                [ApproverRoles.Cdo] = new(Cio, []),
                [ApproverRoles.Dpo] = new(Dpo, []),
                [ApproverRoles.It] = new(ItLead, []),
            },
        };
        var r = TrustRequest();
        var unasked = Apply(r, new DecideCommand(Actor(Cio), DecisionKind.Approve, null, []), directory);
        Assert.Equal((TransitionStatus.Invalid, "roles"), (unasked.Status, unasked.ProblemField));
        var notTheirs = Apply(r, new DecideCommand(Actor(Cio), DecisionKind.Approve, null, []) { Roles = ["DPO"] }, directory);
        Assert.Equal((TransitionStatus.Invalid, "roles"), (notTheirs.Status, notTheirs.ProblemField));

        var asCio = Apply(r, new DecideCommand(Actor(Cio), DecisionKind.Approve, null, []) { Roles = ["CIO"] }, directory);
        Assert.Equal(["CIO"], asCio.DecisionRows.Select(d => d.Role));
        Assert.Equal(["CDO", "DPO"], asCio.Request.PendingRoles);
        var asCdo = Apply(asCio.Request, new DecideCommand(Actor(Cio), DecisionKind.Approve, null, []), directory);
        Assert.Equal(["CDO"], asCdo.DecisionRows.Select(d => d.Role)); // one role left: no need to ask
    }

    [Fact]
    public void An_approval_may_narrow_the_scope_and_set_the_review_date_but_never_widen()
    {
        var asked = TrustRequest() with { Intake = Intake(data: [DataCategory.Pupil, DataCategory.Staff]) with { Users = UserGroup.StaffAndLearners, YoungestYearGroup = YearGroup.Y7 } };
        DecideCommand By(string who, ApprovalScope? scope = null, DateOnly? review = null) =>
            new(Actor(who), DecisionKind.Approve, null, []) { Scope = scope, ReviewDate = review };

        Assert.Equal("yearGroup", Apply(asked, By(Cio, new ApprovalScope { YoungestYearGroup = YearGroup.Y5 })).ProblemField);
        Assert.Equal("data", Apply(asked, By(Cio, new ApprovalScope { Data = [DataCategory.SpecialCategory] })).ProblemField);
        var staffOnly = TrustRequest();
        Assert.Equal("users", Apply(staffOnly, By(Cio, new ApprovalScope { Users = UserGroup.StaffAndLearners })).ProblemField);
        Assert.Equal("reviewDate", Apply(asked, By(Cio, review: new DateOnly(2026, 11, 1))).ProblemField);
        Assert.Equal("reviewDate", Apply(asked, By(Cio, review: new DateOnly(2028, 1, 1))).ProblemField);

        var r = Apply(asked, By(Cio, new ApprovalScope { YoungestYearGroup = YearGroup.Y9, Data = [DataCategory.Pupil] }, new DateOnly(2027, 3, 1))).Request;
        r = Apply(r, By(Cdo, new ApprovalScope { Users = UserGroup.Staff, OnlyRequestingAcademy = true }, new DateOnly(2027, 5, 1))).Request;
        r = Apply(r, By(Dpo)).Request;
        Assert.Equal(RequestState.Approved, r.State);
        var entry = RegisterDecision.For(r, null, new DateOnly(2026, 11, 3), null)!;
        Assert.Equal(UserGroup.Staff, entry.Scope.Users);
        Assert.Equal(["oakfield"], entry.Scope.Academies);
        Assert.Equal(new DateOnly(2027, 3, 1), entry.ReviewBy); // the earliest date set wins over 12 months
        Assert.True(entry.Scope.DataAllowed);

        var noData = Apply(asked, By(Cio, new ApprovalScope { Data = [DataCategory.None] })).Request;
        noData = Apply(Apply(noData, By(Cdo)).Request, By(Dpo)).Request;
        Assert.Equal(RegisterStatus.ApprovedNoPersonalData, RegisterDecision.For(noData, null, new DateOnly(2026, 11, 3), null)!.Status);
    }

    [Fact]
    public void Questions_answers_and_withdrawals_are_decision_rows()
    {
        var asked = Apply(TrustRequest(), new AskInformationCommand(Actor(Dpo), "Where is the data stored?"));
        var row = Assert.Single(asked.DecisionRows);
        Assert.Equal((DecisionKind.RequestInformation, "DPO", Dpo, "Where is the data stored?"), (row.Kind, row.Role, row.ApproverId, row.Comment));
        var answered = Apply(asked.Request, new AnswerInformationCommand(Actor(Teacher), "In the UK."));
        Assert.Equal(DecisionKind.Answer, Assert.Single(answered.DecisionRows).Kind);
        var withdrawn = Apply(answered.Request, new WithdrawCommand(Actor(Teacher), null));
        Assert.Equal((DecisionKind.Withdraw, Teacher), (Assert.Single(withdrawn.DecisionRows).Kind, withdrawn.DecisionRows[0].ApproverId));
        Assert.Empty(withdrawn.Request.Decisions); // the request's summary keeps the decisions on roles only
    }
}
