using AiPolicyBot.Approvals;
using AiPolicyBot.Mail;
using AiPolicyBot.Policy;
using AiPolicyBot.Register;
using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Approvals;
using AiPolicyBot.Teams.Approvals.Handlers;
using AiPolicyBot.Teams.Tests.Cards;
using static AiPolicyBot.Testing.Approvals.ApprovalSamples;

namespace AiPolicyBot.Teams.Tests.Approvals;

public class ApprovalFlowTests
{
    private const string Ref = "AIP-2026-0042";

    [Fact]
    public async Task Submission_sends_a_card_to_every_pending_approver_and_deputy_the_requester_and_the_channel()
    {
        var rig = new ApprovalRig(channel: "19:approvals@thread.tacv2");
        await rig.SubmitAsync(TrustRequest());
        Assert.Equal(new[] { Cio, CioDeputy, Cdo, Dpo, Teacher }.Order(), rig.Messenger.CardsSent.Select(c => c.UserId).Order());
        Assert.Single(rig.Messenger.ChannelCards);
        Assert.Equal(6, rig.Copies.Copies.Count);
        Assert.All(rig.Messenger.CardsSent.Where(c => c.UserId != Teacher), c => Assert.True(ApprovalRig.HasDecisionButtons(c.Card)));
        Assert.False(ApprovalRig.HasDecisionButtons(rig.Messenger.ChannelCards[0].Card));

        // A redelivered Submitted event sends nothing twice.
        await rig.Events.PublishAsync(new RequestEvent(Ref, RequestEventKind.Submitted, rig.Time.GetUtcNow()), outboxVersion: null, default);
        Assert.Equal(5, rig.Messenger.CardsSent.Count);
    }

    [Fact]
    public async Task Every_card_names_the_academy_as_people_know_it()
    {
        var rig = new ApprovalRig(channel: "19:approvals@thread.tacv2");
        await rig.SubmitAsync(TrustRequest());

        var cards = rig.Messenger.CardsSent.Select(c => c.Card).Concat(rig.Messenger.ChannelCards.Select(c => c.Card))
            .Select(c => c.ToJson()).ToList();
        Assert.Equal(6, cards.Count);
        Assert.All(cards, json => Assert.Contains("{\"title\":\"Academy\",\"value\":\"Oakfield Academy\"}", json, StringComparison.Ordinal));
    }

    [Fact]
    public async Task R0_alerts_the_DPO_at_once_in_Teams()
    {
        var rig = new ApprovalRig();
        var request = TrustRequest() with { Outcome = TrustRequest().Outcome with { Conditions = [ConditionCodes.PossibleIncidentReview, ConditionCodes.DpiaRequired] } };
        await rig.SubmitAsync(request);
        Assert.Contains(rig.Messenger.Texts, t => t.UserId == Dpo && t.Text.Contains("Possible data incident", StringComparison.Ordinal));
        Assert.Single(rig.Messenger.Texts);
    }

    [Fact]
    public async Task Unanimous_Trust_flow_ends_in_the_register_with_the_requester_told_and_every_copy_updated()
    {
        var rig = new ApprovalRig();
        await rig.SubmitAsync(TrustRequest());

        var cio = await rig.ClickAsync(ApproveHandler.VerbName, Cio, Ref);
        Assert.False(ApprovalRig.HasDecisionButtons(cio.Card!));          // the CIO has decided: read-only now
        Assert.Equal(["CDO", "DPO"], rig[Ref].PendingRoles);
        var copiesUpdatedAfterFirst = rig.Messenger.Updates.Count;
        Assert.Equal(rig.Copies.Copies.Count, copiesUpdatedAfterFirst);
        Assert.Empty(rig.Messenger.Texts);                          // the requester hears about the outcome, not each step

        await rig.ClickAsync(ApproveWithConditionsHandler.VerbName, Dpo, Ref, (ApproveWithConditionsHandler.ConditionsInput, "HUMAN_REVIEW,SUPERVISED_USE"), (ApproveWithConditionsHandler.NoteInput, "DPIA first."));
        Assert.Equal(RequestState.Pending, rig[Ref].State);
        var cdo = await rig.ClickAsync(ApproveHandler.VerbName, Cdo, Ref);

        var final = rig[Ref];
        Assert.Equal(RequestState.Approved, final.State);
        Assert.Equal([ConditionCodes.HumanReview, ConditionCodes.SupervisedUse], final.AddedConditions);
        Assert.Equal(3, rig.Decisions.Rows.Count);
        Assert.Equal(3, rig.Audit.Entries.Count(e => e.Stream == Ref));
        Assert.Equal(OutboxJob.DecisionFor(Ref, default).JobId, Assert.Single(rig.Decisions.Outbox).Key);
        Assert.Contains("Approved", cdo.Card!.ToJson(), StringComparison.Ordinal);

        var entry = rig.Register.Entries["brisk-teaching"].Value;
        Assert.Equal(RegisterStatus.Approved, entry.Status);
        Assert.True(entry.Scope.DataAllowed);
        Assert.Equal(new DateOnly(2027, 7, 31), entry.ReviewBy);   // 12 months capped by the next policy review
        Assert.Contains(ConditionCodes.HumanReview, entry.Conditions);
        Assert.Equal(1, rig.RegisterListener.Calls);

        var told = Assert.Single(rig.Messenger.Texts);
        Assert.Equal(Teacher, told.UserId);
        Assert.Contains("**Approved:**", told.Text, StringComparison.Ordinal);
        Assert.Contains("Training needed", told.Text, StringComparison.Ordinal);
        Assert.Contains("A named person reviews every output", told.Text, StringComparison.Ordinal);

        // The last round of edits shows every copy the final state, with no buttons left for anyone.
        var lastRound = rig.Messenger.Updates.TakeLast(rig.Copies.Copies.Count).ToList();
        Assert.All(lastRound, u => Assert.False(ApprovalRig.HasDecisionButtons(u.Card) && u.Copy.Audience != CardAudience.Requester));
        Assert.All(lastRound, u => Assert.Contains("Status: Approved", u.Card.ToJson(), StringComparison.Ordinal));
        Assert.All(lastRound, u => Assert.Empty(u.Card.Refresh!.UserIds));
    }

    [Fact]
    public async Task Strangers_the_requester_and_other_academies_get_no_buttons_and_nothing_is_recorded()
    {
        var rig = new ApprovalRig();
        await rig.SubmitAsync(AcademyRequest());
        foreach (var user in new[] { Stranger, Teacher, BrookmereLeader, Cio })
        {
            var result = await rig.ClickAsync(ApproveHandler.VerbName, user, "AIP-2026-0043");
            Assert.Equal(200, result.StatusCode);
            Assert.DoesNotContain("recorded", result.Card!.ToJson(), StringComparison.Ordinal);
            Assert.False(ApprovalRig.HasDecisionButtons(result.Card!));
            // The requester may still withdraw; nobody else gets a button.
            Assert.Equal(user == Teacher, result.Card!.ToJson().Contains(WithdrawHandler.VerbName, StringComparison.Ordinal));
        }
        Assert.Empty(rig.Decisions.Rows);
        Assert.Empty(rig.Audit.Entries);
        Assert.Equal(RequestState.Pending, rig["AIP-2026-0043"].State);

        await rig.ClickAsync(ApproveHandler.VerbName, OakfieldLeader, "AIP-2026-0043");
        var entry = rig.Register.Entries["quizlet"].Value;
        Assert.Equal(RegisterStatus.ApprovedNoPersonalData, entry.Status);
        Assert.Equal(["oakfield"], entry.Scope.Academies);
    }

    [Fact]
    public async Task Reject_needs_a_reason_on_the_server_too_and_declines_a_new_tool()
    {
        var rig = new ApprovalRig();
        await rig.SubmitAsync(TrustRequest());
        var noReason = await rig.ClickAsync(RejectHandler.VerbName, Dpo, Ref);
        Assert.Contains("Say why you reject", noReason.Card!.ToJson(), StringComparison.Ordinal);
        Assert.True(ApprovalRig.HasDecisionButtons(noReason.Card!));
        Assert.Empty(rig.Decisions.Rows);

        await rig.ClickAsync(RejectHandler.VerbName, Dpo, Ref, (RejectHandler.ReasonInput, "The vendor will not sign a DPA."));
        Assert.Equal(RequestState.Rejected, rig[Ref].State);
        var entry = rig.Register.Entries["brisk-teaching"].Value;
        Assert.Equal(RegisterStatus.Declined, entry.Status);
        Assert.Equal("The vendor will not sign a DPA.", entry.DecisionReason);
        Assert.Contains(rig.Messenger.Texts, t => t.UserId == Teacher && t.Text.Contains("The vendor will not sign a DPA.", StringComparison.Ordinal));
        Assert.Single(rig.Decisions.Outbox);
        // Later clicks by the others change nothing.
        await rig.ClickAsync(ApproveHandler.VerbName, Cio, Ref);
        Assert.Single(rig.Decisions.Rows);
    }

    [Fact]
    public async Task A_repeated_click_returns_the_same_card_and_records_nothing_new()
    {
        var rig = new ApprovalRig();
        await rig.SubmitAsync(TrustRequest());
        await rig.ClickAsync(ApproveHandler.VerbName, Cio, Ref);
        var (rows, audit, updates, events) = (rig.Decisions.Rows.Count, rig.Audit.Entries.Count, rig.Messenger.Updates.Count, rig.Events.Published.Count);
        var again = await rig.ClickAsync(ApproveHandler.VerbName, Cio, Ref);
        Assert.Contains("Already recorded", again.Card!.ToJson(), StringComparison.Ordinal);
        Assert.Equal((rows, audit, updates, events), (rig.Decisions.Rows.Count, rig.Audit.Entries.Count, rig.Messenger.Updates.Count, rig.Events.Published.Count));
    }

    [Fact]
    public async Task Information_request_and_answer_on_the_card()
    {
        var rig = new ApprovalRig();
        await rig.SubmitAsync(TrustRequest());
        var noQuestion = await rig.ClickAsync(AskInformationHandler.VerbName, Dpo, Ref);
        Assert.Contains("Write the question", noQuestion.Card!.ToJson(), StringComparison.Ordinal);

        await rig.ClickAsync(AskInformationHandler.VerbName, Dpo, Ref, (AskInformationHandler.QuestionInput, "Where is the data stored?"));
        Assert.Equal(RequestState.MoreInformationRequested, rig[Ref].State);
        Assert.Contains(rig.Messenger.Texts, t => t.UserId == Teacher && t.Text.Contains("Where is the data stored?", StringComparison.Ordinal));
        var requesterCopy = rig.Messenger.Updates.Last(u => u.Copy.Audience == CardAudience.Requester).Card;
        Assert.Contains(AnswerInformationHandler.VerbName, requesterCopy.ToJson(), StringComparison.Ordinal);

        var stranger = await rig.ClickAsync(AnswerInformationHandler.VerbName, Stranger, Ref, (AnswerInformationHandler.AnswerInput, "Mars"));
        Assert.False(ApprovalRig.HasDecisionButtons(stranger.Card!));
        await rig.ClickAsync(AnswerInformationHandler.VerbName, Teacher, Ref, (AnswerInformationHandler.AnswerInput, "In the UK."));
        Assert.Equal(RequestState.Pending, rig[Ref].State);
        Assert.Contains(rig.Messenger.Texts, t => t.UserId == Dpo && t.Text.Contains("In the UK.", StringComparison.Ordinal));
        Assert.Equal([AuditKinds.For(DecisionKind.RequestInformation), AuditKinds.For(DecisionKind.Answer)], rig.Audit.Entries.Select(e => e.Kind));
        // The question and the answer are decision rows too: who asked, who answered, what, when.
        Assert.Equal([(DecisionKind.RequestInformation, "DPO", "Where is the data stored?"), (DecisionKind.Answer, "Requester", "In the UK.")],
            rig.Decisions.Rows.Select(r => (r.Decision.Kind, r.Decision.Role, r.Decision.Comment!)));
    }

    [Fact]
    public async Task Withdrawal_by_the_requester_closes_the_request_and_queues_the_decision_email()
    {
        var rig = new ApprovalRig();
        await rig.SubmitAsync(TrustRequest());
        await rig.ClickAsync(WithdrawHandler.VerbName, Cio, Ref);
        Assert.Equal(RequestState.Pending, rig[Ref].State);
        var done = await rig.ClickAsync(WithdrawHandler.VerbName, Teacher, Ref, (WithdrawHandler.ReasonInput, "Found an approved tool."));
        Assert.Equal(RequestState.Withdrawn, rig[Ref].State);
        Assert.Contains("withdrawn", done.Card!.ToJson(), StringComparison.Ordinal);
        Assert.Equal($"{Ref}-decision", Assert.Single(rig.Decisions.Outbox).Key);
        Assert.Empty(rig.Register.Entries);
        Assert.All(rig.Messenger.Updates, u => Assert.False(ApprovalRig.HasDecisionButtons(u.Card)));
    }

    [Fact]
    public async Task Refresh_returns_the_personal_view_and_never_edits_the_shared_message()
    {
        var rig = new ApprovalRig();
        await rig.SubmitAsync(TrustRequest());
        var updates = rig.Messenger.Updates.Count;
        var data = new System.Text.Json.Nodes.JsonObject { ["reference"] = Ref };
        var forCdo = await rig.InvokeAsync(RefreshApprovalHandler.VerbName, data, Cdo, "C", automatic: true);
        var forStranger = await rig.InvokeAsync(RefreshApprovalHandler.VerbName, data, Stranger, "S", automatic: false);
        Assert.True(ApprovalRig.HasDecisionButtons(forCdo.Card!));
        Assert.False(ApprovalRig.HasDecisionButtons(forStranger.Card!));
        Assert.Equal(updates, rig.Messenger.Updates.Count);
        // A stranger sees nothing of the request; only Information Assurance learns that a reference is missing.
        Assert.DoesNotContain(Ref, forStranger.Card!.ToJson(), StringComparison.Ordinal);
        var missing = await rig.InvokeAsync(RefreshApprovalHandler.VerbName, new() { ["reference"] = "AIP-2026-9999" }, Dpo);
        Assert.Equal(404, missing.StatusCode);
        var malformed = await rig.InvokeAsync(RefreshApprovalHandler.VerbName, new() { ["reference"] = "x'; drop" }, Cdo);
        Assert.Equal(400, malformed.StatusCode);
    }

    [Fact]
    public async Task Reminders_and_expiry_with_a_fake_clock()
    {
        var rig = new ApprovalRig();
        await rig.SubmitAsync(TrustRequest());
        await rig.ClickAsync(ApproveHandler.VerbName, Cio, Ref);
        rig.Time.Now = Submitted.AddDays(2);
        Assert.Equal(TransitionStatus.NotApplicable, (await rig.Workflow.ExecuteAsync(Ref, new RemindCommand(3), default)).Status);
        rig.Time.Now = Submitted.AddDays(3);
        Assert.Equal(TransitionStatus.Applied, (await rig.Workflow.ExecuteAsync(Ref, new RemindCommand(3), default)).Status);
        var reminded = rig.Messenger.Texts.Where(t => t.Text.StartsWith("**Reminder:**", StringComparison.Ordinal)).Select(t => t.UserId).Order();
        Assert.Equal(new[] { Cdo, Dpo }.Order(), reminded);       // the CIO already decided
        Assert.Equal(TransitionStatus.NotApplicable, (await rig.Workflow.ExecuteAsync(Ref, new RemindCommand(3), default)).Status);

        rig.Time.Now = Submitted.AddDays(14);
        var expired = await rig.Workflow.ExecuteAsync(Ref, new ExpireCommand(14), default);
        Assert.Equal(RequestState.Expired, expired.Request!.Value.State);
        Assert.Contains(rig.Messenger.Texts, t => t.UserId == Teacher && t.Text.StartsWith("**Expired:**", StringComparison.Ordinal));
        Assert.Contains($"{Ref}-decision", rig.Decisions.Outbox.Keys);
        Assert.Equal(AuditKinds.Expired, rig.Audit.Entries.Last().Kind);
    }

    [Fact]
    public async Task Local_demo_lets_one_person_decide_their_own_request_and_says_so_on_every_card()
    {
        var directory = Directory(localDemo: true) with
        {
            TrustRoles = ApproverDirectory.RequiredTrustRoles.ToDictionary(r => r, _ => new RoleHolders(Teacher, [])),
        };
        var rig = new ApprovalRig(directory);
        await rig.SubmitAsync(TrustRequest());
        // Holding every role, they are asked which they decide for; choosing all three approves.
        var unchosen = await rig.ClickAsync(ApproveHandler.VerbName, Teacher, Ref);
        Assert.Equal(RequestState.Pending, rig[Ref].State);
        Assert.Contains("choose which of them you decide for", unchosen.Card!.ToJson(), StringComparison.Ordinal);
        await rig.ClickAsync(ApproveHandler.VerbName, Teacher, Ref, (ApprovalCommandHandler.RolesInput, "CIO,CDO,DPO"));
        Assert.Equal(RequestState.Approved, rig[Ref].State);
        Assert.All(rig.Seen, s => Assert.Contains("Local demo", s.Card.ToJson(), StringComparison.Ordinal));

        // The same people with the switch off: the requester cannot decide (separation of duties).
        var strict = new ApprovalRig(directory with { LocalDemoSelfApproval = false });
        await strict.SubmitAsync(TrustRequest());
        await strict.ClickAsync(ApproveHandler.VerbName, Teacher, Ref);
        Assert.Equal(RequestState.Pending, strict[Ref].State);
        Assert.Empty(strict.Decisions.Rows);
        Assert.DoesNotContain(strict.Seen, s => s.Card.ToJson().Contains("Local demo", StringComparison.Ordinal));
    }

    [Fact]
    public async Task IT_is_told_to_install_once_a_Trust_approval_needs_an_install()
    {
        var rig = new ApprovalRig();
        await rig.SubmitAsync(TrustRequest() with { Outcome = TrustRequest().Outcome with { RequiresItInstall = true } });
        await rig.ClickAsync(ApproveHandler.VerbName, Cio, Ref);
        await rig.ClickAsync(ApproveHandler.VerbName, Cdo, Ref);
        Assert.DoesNotContain(rig.Messenger.Texts, t => t.UserId == ItLead);
        await rig.ClickAsync(ApproveHandler.VerbName, Dpo, Ref);
        Assert.Contains(rig.Messenger.Texts, t => t.UserId == ItLead && t.Text.StartsWith("**Install needed:**", StringComparison.Ordinal));
    }
}
