using AiPolicyBot.Teams.Approvals.Handlers;
using AiPolicyBot.Teams.Conversation.Staff;
using AiPolicyBot.Teams.MessageExtension;

namespace AiPolicyBot.Teams.Tests.Protocol;

/// <summary>
/// Every wire name a handler declares, spelled out: cards already sent carry these verbs and input ids, and the
/// manifest names these commands, so renaming a constant must fail here before it strands a card in a chat.
/// </summary>
public class WireNamesTests
{
    public static TheoryData<string, string> Names => new()
    {
        { RefreshApprovalHandler.VerbName, "approval.refresh" },
        { ApproveHandler.VerbName, "approval.approve" },
        { ApproveWithConditionsHandler.VerbName, "approval.approveWithConditions" },
        { RejectHandler.VerbName, "approval.reject" },
        { AskInformationHandler.VerbName, "approval.askInformation" },
        { AnswerInformationHandler.VerbName, "approval.answer" },
        { WithdrawHandler.VerbName, "approval.withdraw" },
        { TickCheckHandler.VerbName, "approval.tickCheck" },
        { ApprovalCommandHandler.ReferenceKey, "reference" },
        { ApprovalCommandHandler.RolesInput, "roles" },
        { ApprovalCommandHandler.ScopeUsersInput, "scopeUsers" },
        { ApprovalCommandHandler.ScopeYearGroupInput, "scopeYearGroup" },
        { ApprovalCommandHandler.ScopeDataInput, "scopeData" },
        { ApprovalCommandHandler.ScopeAcademyOnlyInput, "scopeAcademyOnly" },
        { ApprovalCommandHandler.ReviewDateInput, "reviewDate" },
        { ApproveWithConditionsHandler.ConditionsInput, "conditions" },
        { ApproveWithConditionsHandler.NoteInput, "note" },
        { RejectHandler.ReasonInput, "rejectReason" },
        { AskInformationHandler.QuestionInput, "question" },
        { AnswerInformationHandler.AnswerInput, "answer" },
        { WithdrawHandler.ReasonInput, "withdrawReason" },
        { TickCheckHandler.CheckInput, "check" },
        { TickCheckHandler.LinkInput, "link" },
        { StartRequestAction.VerbName, "startRequest" },
        { WizardStepAction.VerbName, "requestWizardStep" },
        { SubmitRequestAction.VerbName, "submitRequest" },
        { RecordTrainingAction.VerbName, "recordTraining" },
        { ShowMyRequestsAction.VerbName, "showMyRequests" },
        { ShowApprovedToolsAction.VerbName, "showApprovedTools" },
        { ShowHelpAction.VerbName, "showHelp" },
        { ClarifiedAction.VerbName, "clarified" },
        { SearchToolsCommand.Id, "searchTools" },
        { SearchToolsCommand.ParameterName, "searchQuery" },
        { RequestApprovalCommand.Id, "requestApproval" },
        { CheckMessageCommand.Id, "checkMessage" },
        { RequestFromMessageCommand.Id, "requestFromMessage" },
        { QueryInvokeHandler.InvokeName, "composeExtension/query" },
        { FetchTaskInvokeHandler.InvokeName, "composeExtension/fetchTask" },
        { SubmitActionInvokeHandler.InvokeName, "composeExtension/submitAction" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void A_declared_wire_name_keeps_its_spelling(string declared, string onTheWire) => Assert.Equal(onTheWire, declared);
}
