using AiPolicyBot.Application.Approvals;
using AiPolicyBot.Approvals;
using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Approvals.Cards;
using AiPolicyBot.Teams.Conversation;

namespace AiPolicyBot.Teams.Approvals.Handlers;

// The approver's verbs: decide (approve, with conditions, reject), ask the requester a question, tick a go-live check.

public sealed class ApproveHandler(ApprovalWorkflow workflow, ApprovalCardService cards) : ApprovalCommandHandler(VerbName, workflow, cards)
{
    public const string VerbName = "approval.approve";

    protected override ApprovalCommand Command(CardActionInvoke action, ApprovalActor actor) => Decide(action, actor, DecisionKind.Approve, null, []);
    protected override string DoneNotice(ToolRequest request) => "Your approval was recorded. " + ApprovalCardBuilder.StatusPlain(request) + ".";
}

public sealed class ApproveWithConditionsHandler(ApprovalWorkflow workflow, ApprovalCardService cards) : ApprovalCommandHandler(VerbName, workflow, cards)
{
    public const string VerbName = "approval.approveWithConditions";
    public const string ConditionsInput = "conditions";
    public const string NoteInput = "note";

    protected override ApprovalCommand Command(CardActionInvoke action, ApprovalActor actor) =>
        Decide(action, actor, DecisionKind.ApproveWithConditions, action.GetString(NoteInput), action.GetList(ConditionsInput));
    protected override string DoneNotice(ToolRequest request) => "Your approval with conditions was recorded. " + ApprovalCardBuilder.StatusPlain(request) + ".";
}

public sealed class RejectHandler(ApprovalWorkflow workflow, ApprovalCardService cards) : ApprovalCommandHandler(VerbName, workflow, cards)
{
    public const string VerbName = "approval.reject";
    public const string ReasonInput = "rejectReason";

    protected override ApprovalCommand Command(CardActionInvoke action, ApprovalActor actor) =>
        Decide(action, actor, DecisionKind.Reject, action.GetString(ReasonInput), []);
    protected override string DoneNotice(ToolRequest request) => "Your rejection was recorded; the requester will see your reason.";
}

public sealed class AskInformationHandler(ApprovalWorkflow workflow, ApprovalCardService cards) : ApprovalCommandHandler(VerbName, workflow, cards)
{
    public const string VerbName = "approval.askInformation";
    public const string QuestionInput = "question";

    protected override ApprovalCommand Command(CardActionInvoke action, ApprovalActor actor) => new AskInformationCommand(actor, action.GetString(QuestionInput));
    protected override string DoneNotice(ToolRequest request) => "Your question was sent to the requester.";
}

public sealed class TickCheckHandler(ApprovalWorkflow workflow, ApprovalCardService cards) : ApprovalCommandHandler(VerbName, workflow, cards)
{
    public const string VerbName = "approval.tickCheck";
    public const string CheckInput = "check";
    public const string LinkInput = "link";

    protected override ApprovalCommand Command(CardActionInvoke action, ApprovalActor actor) =>
        new TickCheckCommand(actor, action.GetString(CheckInput), action.GetString(LinkInput));
    protected override string DoneNotice(ToolRequest request) => "The check was recorded. " + ApprovalCardBuilder.StatusPlain(request) + ".";
}
