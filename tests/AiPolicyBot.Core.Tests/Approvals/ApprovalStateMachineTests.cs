using AiPolicyBot.Approvals;
using AiPolicyBot.Policy;
using AiPolicyBot.Requests;
using static AiPolicyBot.Testing.Approvals.ApprovalSamples;

namespace AiPolicyBot.Core.Tests.Approvals;

public class ApprovalStateMachineTests
{
    private static readonly DateTimeOffset Now = Submitted.AddDays(1);

    private static TransitionResult Apply(ToolRequest r, ApprovalCommand c, DateTimeOffset? at = null) =>
        ApprovalStateMachine.Apply(r, c, Directory(), at ?? Now);

    private static DecideCommand Approve(string who) => new(Actor(who), DecisionKind.Approve, null, []);

    [Fact]
    public void Trust_tier_needs_CIO_CDO_and_DPO_all_to_approve()
    {
        var r = TrustRequest();
        var first = Apply(r, Approve(Cio));
        Assert.Equal(TransitionStatus.Applied, first.Status);
        Assert.Equal(RequestState.Pending, first.Request.State);
        Assert.Equal(["CDO", "DPO"], first.Request.PendingRoles);
        Assert.False(first.BecameFinal);

        var second = Apply(first.Request, new DecideCommand(Actor(Dpo), DecisionKind.ApproveWithConditions, "Only after the DPIA.", [ConditionCodes.HumanReview]));
        Assert.Equal(["CDO"], second.Request.PendingRoles);
        Assert.Equal(RequestState.Pending, second.Request.State);

        var third = Apply(second.Request, Approve(Cdo));
        Assert.Equal(RequestState.Approved, third.Request.State);
        Assert.True(third.BecameFinal);
        Assert.Empty(third.Request.PendingRoles);
        Assert.Equal(["CIO", "DPO", "CDO"], third.Request.Decisions.Select(d => d.Role));
        Assert.Equal([ConditionCodes.HumanReview], third.Request.AddedConditions);
    }

    [Fact]
    public void Any_rejection_rejects_at_once_and_needs_a_reason()
    {
        var afterCio = Apply(TrustRequest(), Approve(Cio)).Request;
        var noReason = Apply(afterCio, new DecideCommand(Actor(Dpo), DecisionKind.Reject, "   ", []));
        Assert.Equal(TransitionStatus.Invalid, noReason.Status);
        Assert.Equal("rejectReason", noReason.ProblemField);
        Assert.Equal(RequestState.Pending, noReason.Request.State);

        var rejected = Apply(afterCio, new DecideCommand(Actor(Dpo), DecisionKind.Reject, "No DPA is possible with this vendor.", []));
        Assert.Equal(RequestState.Rejected, rejected.Request.State);
        Assert.True(rejected.BecameFinal);
        Assert.Empty(rejected.Request.PendingRoles);
        // Nobody else can decide a rejected request.
        Assert.Equal(TransitionStatus.NotApplicable, Apply(rejected.Request, Approve(Cdo)).Status);
    }

    [Fact]
    public void Conditions_merge_sorted_without_duplicates_and_unknown_codes_are_refused()
    {
        var a = Apply(TrustRequest(), new DecideCommand(Actor(Cio), DecisionKind.ApproveWithConditions, null, [ConditionCodes.SupervisedUse, ConditionCodes.HumanReview])).Request;
        var b = Apply(a, new DecideCommand(Actor(Cdo), DecisionKind.ApproveWithConditions, null, [ConditionCodes.HumanReview, ConditionCodes.EqualityReview])).Request;
        Assert.Equal([ConditionCodes.EqualityReview, ConditionCodes.HumanReview, ConditionCodes.SupervisedUse], b.AddedConditions);

        var bad = Apply(TrustRequest(), new DecideCommand(Actor(Cio), DecisionKind.ApproveWithConditions, null, ["MADE_UP"]));
        Assert.Equal(TransitionStatus.Invalid, bad.Status);
        Assert.Equal("conditions", bad.ProblemField);
        var empty = Apply(TrustRequest(), new DecideCommand(Actor(Cio), DecisionKind.ApproveWithConditions, null, []));
        Assert.Equal(TransitionStatus.Invalid, empty.Status);
    }

    [Fact]
    public void A_repeated_click_is_recognised_and_changes_nothing()
    {
        var once = Apply(TrustRequest(), Approve(Cio)).Request;
        var again = Apply(once, Approve(Cio));
        Assert.Equal(TransitionStatus.Repeated, again.Status);
        Assert.Same(once, again.Request);
        Assert.Single(again.DecisionRows);
        Assert.Equal(Cio, again.DecisionRows[0].ApproverId);
        // The deputy cannot decide the CIO role a second time either.
        Assert.Equal(TransitionStatus.NotAllowed, Apply(once, Approve(CioDeputy)).Status);
    }

    [Fact]
    public void Strangers_and_the_requester_are_not_allowed()
    {
        Assert.Equal(TransitionStatus.NotAllowed, Apply(TrustRequest(), Approve(Stranger)).Status);
        Assert.Equal(TransitionStatus.NotAllowed, Apply(TrustRequest(requester: Cio), Approve(Cio)).Status);
        Assert.Equal(TransitionStatus.NotAllowed, Apply(TrustRequest(), Approve(Teacher)).Status);
    }

    [Fact]
    public void One_person_holding_two_roles_decides_the_roles_they_choose_with_one_click_and_a_second_click_repeats()
    {
        var directory = Directory() with
        {
            TrustRoles = new Dictionary<string, RoleHolders>(Directory().TrustRoles) { [ApproverRoles.Dpo] = new(Cio, []) },
        };
        Assert.Equal("roles", ApprovalStateMachine.Apply(TrustRequest(), Approve(Cio), directory, Now).ProblemField);
        var result = ApprovalStateMachine.Apply(TrustRequest(), Approve(Cio) with { Roles = ["CIO", "DPO"] }, directory, Now);
        Assert.Equal(["CIO", "DPO"], result.DecisionRows.Select(d => d.Role));
        Assert.Equal(["CDO"], result.Request.PendingRoles);
        Assert.Equal(TransitionStatus.Repeated, ApprovalStateMachine.Apply(result.Request, Approve(Cio), directory, Now).Status);
    }

    [Fact]
    public void Academy_flow_one_leader_decides()
    {
        var r = AcademyRequest();
        Assert.Equal(TransitionStatus.NotAllowed, Apply(r, Approve(BrookmereLeader)).Status);
        var done = Apply(r, Approve(OakfieldDeputy));
        Assert.Equal(RequestState.Approved, done.Request.State);
        Assert.Equal("AcademyLeader", done.DecisionRows.Single().Role);
    }

    [Fact]
    public void Information_request_pauses_decisions_until_the_requester_answers()
    {
        var asked = Apply(TrustRequest(), new AskInformationCommand(Actor(Dpo), "Where is the data stored?"));
        Assert.Equal(TransitionStatus.Applied, asked.Status);
        Assert.Equal(RequestState.MoreInformationRequested, asked.Request.State);
        Assert.Equal("DPO", asked.Request.OpenQuestion!.Role);
        Assert.Equal(["CIO", "CDO", "DPO"], asked.Request.PendingRoles);
        Assert.Equal(DecisionKind.RequestInformation, Assert.Single(asked.DecisionRows).Kind);

        Assert.Equal(TransitionStatus.NotAllowed, Apply(asked.Request, Approve(Cio)).Status);
        Assert.Equal(TransitionStatus.NotAllowed, Apply(asked.Request, new AnswerInformationCommand(Actor(Stranger), "UK")).Status);
        Assert.Equal(TransitionStatus.Invalid, Apply(asked.Request, new AnswerInformationCommand(Actor(Teacher), " ")).Status);

        var answered = Apply(asked.Request, new AnswerInformationCommand(Actor(Teacher), "In the UK (London region)."));
        Assert.Equal(RequestState.Pending, answered.Request.State);
        Assert.Null(answered.Request.OpenQuestion);
        Assert.Equal("In the UK (London region).", answered.Request.AnsweredQuestions.Single().Answer);
        Assert.Equal(TransitionStatus.Applied, Apply(answered.Request, Approve(Cio)).Status);
        Assert.Equal(TransitionStatus.Repeated, Apply(answered.Request, new AnswerInformationCommand(Actor(Teacher), "In the UK (London region).")).Status);
    }

    [Fact]
    public void Questions_stop_after_the_last_allowed_round_so_a_request_cannot_outgrow_its_row()
    {
        var request = TrustRequest();
        for (var round = 0; round < ApprovalStateMachine.MaxQuestionRounds; round++)
        {
            var asked = Apply(request, new AskInformationCommand(Actor(Dpo), $"Question {round}?"));
            Assert.Equal(TransitionStatus.Applied, asked.Status);
            request = Apply(asked.Request, new AnswerInformationCommand(Actor(Teacher), $"Answer {round}.")).Request;
        }

        var refused = Apply(request, new AskInformationCommand(Actor(Dpo), "One more?"));
        Assert.Equal(TransitionStatus.Invalid, refused.Status);
        Assert.Equal("question", refused.ProblemField);
        Assert.Equal(ApprovalStateMachine.MaxQuestionRounds, refused.Request.AnsweredQuestions.Count);
        Assert.Equal(TransitionStatus.Applied, Apply(request, Approve(Cio)).Status);
    }

    [Fact]
    public void A_question_needs_text_and_a_pending_role()
    {
        Assert.Equal(TransitionStatus.Invalid, Apply(TrustRequest(), new AskInformationCommand(Actor(Dpo), "")).Status);
        Assert.Equal(TransitionStatus.NotAllowed, Apply(TrustRequest(), new AskInformationCommand(Actor(Stranger), "Why?")).Status);
    }

    [Fact]
    public void Only_the_requester_withdraws_and_only_while_open()
    {
        Assert.Equal(TransitionStatus.NotAllowed, Apply(TrustRequest(), new WithdrawCommand(Actor(Cio), null)).Status);
        var withdrawn = Apply(TrustRequest(), new WithdrawCommand(Actor(Teacher), null));
        Assert.Equal(RequestState.Withdrawn, withdrawn.Request.State);
        Assert.True(withdrawn.BecameFinal);
        Assert.Equal(TransitionStatus.Repeated, Apply(withdrawn.Request, new WithdrawCommand(Actor(Teacher), null)).Status);
        Assert.Equal(TransitionStatus.NotApplicable, Apply(withdrawn.Request, Approve(Cio)).Status);
        var approved = Apply(AcademyRequest(), Approve(OakfieldLeader)).Request;
        Assert.Equal(TransitionStatus.NotApplicable, Apply(approved, new WithdrawCommand(Actor(Teacher), null)).Status);
    }

    [Fact]
    public void Expiry_and_reminders_follow_the_configured_days()
    {
        var r = TrustRequest();
        Assert.Equal(TransitionStatus.NotApplicable, Apply(r, new ExpireCommand(14), Submitted.AddDays(13.9)).Status);
        var expired = Apply(r, new ExpireCommand(14), Submitted.AddDays(14));
        Assert.Equal(RequestState.Expired, expired.Request.State);
        Assert.True(expired.BecameFinal);

        Assert.Equal(TransitionStatus.NotApplicable, Apply(r, new RemindCommand(3), Submitted.AddDays(2)).Status);
        var reminded = Apply(r, new RemindCommand(3), Submitted.AddDays(3));
        Assert.Equal(TransitionStatus.Applied, reminded.Status);
        Assert.Equal(Submitted.AddDays(3), reminded.Request.LastReminderAt);
        Assert.Equal(TransitionStatus.NotApplicable, Apply(reminded.Request, new RemindCommand(3), Submitted.AddDays(5)).Status);
        Assert.Equal(TransitionStatus.Applied, Apply(reminded.Request, new RemindCommand(3), Submitted.AddDays(6)).Status);
        Assert.Equal(TransitionStatus.NotApplicable, Apply(expired.Request, new RemindCommand(3), Submitted.AddDays(20)).Status);
    }

    [Fact]
    public void Overlong_text_is_refused() =>
        Assert.Equal(TransitionStatus.Invalid,
            Apply(TrustRequest(), new DecideCommand(Actor(Cio), DecisionKind.Reject, new string('x', ApprovalStateMachine.MaxTextLength + 1), [])).Status);
}
