using AiPolicyBot.Application.Approvals;
using AiPolicyBot.Approvals;
using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Approvals.Cards;
using AiPolicyBot.Teams.Conversation;
using Inputs = AiPolicyBot.Teams.Approvals.ApprovalVerbs.Inputs;

namespace AiPolicyBot.Teams.Approvals.Handlers;

public sealed class ApproveHandler(ApprovalWorkflow workflow, ApprovalCardService cards) : ApprovalCommandHandler(workflow, cards)
{
    public override string Verb => ApprovalVerbs.Approve;
    protected override ApprovalCommand Command(CardActionInvoke action, ApprovalActor actor) => new DecideCommand(actor, DecisionKind.Approve, null, []);
    protected override string DoneNotice(ToolRequest request) => "Your approval was recorded. " + ApprovalCardBuilder.StatusPlain(request) + ".";
}

public sealed class ApproveWithConditionsHandler(ApprovalWorkflow workflow, ApprovalCardService cards) : ApprovalCommandHandler(workflow, cards)
{
    public override string Verb => ApprovalVerbs.ApproveWithConditions;
    protected override ApprovalCommand Command(CardActionInvoke action, ApprovalActor actor) =>
        new DecideCommand(actor, DecisionKind.ApproveWithConditions, action.GetString(Inputs.Note), action.GetList(Inputs.Conditions));
    protected override string DoneNotice(ToolRequest request) => "Your approval with conditions was recorded. " + ApprovalCardBuilder.StatusPlain(request) + ".";
}

public sealed class RejectHandler(ApprovalWorkflow workflow, ApprovalCardService cards) : ApprovalCommandHandler(workflow, cards)
{
    public override string Verb => ApprovalVerbs.Reject;
    protected override ApprovalCommand Command(CardActionInvoke action, ApprovalActor actor) =>
        new DecideCommand(actor, DecisionKind.Reject, action.GetString(Inputs.RejectReason), []);
    protected override string DoneNotice(ToolRequest request) => "Your rejection was recorded; the requester will see your reason.";
}

public sealed class AskInformationHandler(ApprovalWorkflow workflow, ApprovalCardService cards) : ApprovalCommandHandler(workflow, cards)
{
    public override string Verb => ApprovalVerbs.AskInformation;
    protected override ApprovalCommand Command(CardActionInvoke action, ApprovalActor actor) => new AskInformationCommand(actor, action.GetString(Inputs.Question));
    protected override string DoneNotice(ToolRequest request) => "Your question was sent to the requester.";
}

public sealed class AnswerInformationHandler(ApprovalWorkflow workflow, ApprovalCardService cards) : ApprovalCommandHandler(workflow, cards)
{
    public override string Verb => ApprovalVerbs.Answer;
    protected override ApprovalCommand Command(CardActionInvoke action, ApprovalActor actor) => new AnswerInformationCommand(actor, action.GetString(Inputs.Answer));
    protected override string DoneNotice(ToolRequest request) => "Thank you: your answer was sent to the approvers.";
}

public sealed class WithdrawHandler(ApprovalWorkflow workflow, ApprovalCardService cards) : ApprovalCommandHandler(workflow, cards)
{
    public override string Verb => ApprovalVerbs.Withdraw;
    protected override ApprovalCommand Command(CardActionInvoke action, ApprovalActor actor) => new WithdrawCommand(actor, action.GetString(Inputs.WithdrawReason));
    protected override string DoneNotice(ToolRequest request) => "Your request was withdrawn.";
}
