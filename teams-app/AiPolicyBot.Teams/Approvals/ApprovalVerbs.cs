using AiPolicyBot.Teams.Approvals.Handlers;

namespace AiPolicyBot.Teams.Approvals;

/// <summary>
/// The Action.Execute verbs of approval cards. Each is declared once, by the handler that answers it (with the input
/// ids it reads); this is the one list of those handlers, which the composition registers.
/// </summary>
public static class ApprovalVerbs
{
    public static readonly IReadOnlyList<Type> Handlers =
    [
        typeof(RefreshApprovalHandler), typeof(ApproveHandler), typeof(ApproveWithConditionsHandler), typeof(RejectHandler),
        typeof(AskInformationHandler), typeof(AnswerInformationHandler), typeof(WithdrawHandler), typeof(TickCheckHandler),
    ];
}

/// <summary>The only data an approval card action carries: the stable request reference. State is always loaded from storage.</summary>
public sealed record ApprovalActionData(string Reference);
