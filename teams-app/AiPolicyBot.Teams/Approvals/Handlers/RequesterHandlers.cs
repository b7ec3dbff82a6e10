using AiPolicyBot.Application.Approvals;
using AiPolicyBot.Approvals;
using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Conversation;

namespace AiPolicyBot.Teams.Approvals.Handlers;

// The requester's verbs: answer an approver's question, withdraw the request.

public sealed class AnswerInformationHandler(ApprovalWorkflow workflow, ApprovalCardService cards) : ApprovalCommandHandler(VerbName, workflow, cards)
{
    public const string VerbName = "approval.answer";
    public const string AnswerInput = "answer";

    protected override ApprovalCommand Command(CardActionInvoke action, ApprovalActor actor) => new AnswerInformationCommand(actor, action.GetString(AnswerInput));
    protected override string DoneNotice(ToolRequest request) => "Thank you: your answer was sent to the approvers.";
}

public sealed class WithdrawHandler(ApprovalWorkflow workflow, ApprovalCardService cards) : ApprovalCommandHandler(VerbName, workflow, cards)
{
    public const string VerbName = "approval.withdraw";
    public const string ReasonInput = "withdrawReason";

    protected override ApprovalCommand Command(CardActionInvoke action, ApprovalActor actor) => new WithdrawCommand(actor, action.GetString(ReasonInput));
    protected override string DoneNotice(ToolRequest request) => "Your request was withdrawn.";
}
