using AiPolicyBot.Approvals;
using AiPolicyBot.Policy;
using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Approvals.Handlers;
using AiPolicyBot.Teams.Cards;
using AiPolicyBot.Teams.Cards.Model;

namespace AiPolicyBot.Teams.Approvals.Cards;

/// <summary>
/// The buttons of an approval card. At most three top-level buttons with short titles, so every one shows whole in
/// the narrowest Teams renderer (320 px, docs/cards.md): Approve, Reject, More; everything else (conditions and
/// scope, a question, a due-diligence tick) opens under "More" as a small form, one per row.
/// </summary>
public static class ApprovalCardActions
{
    public const int MaxTopLevelButtons = 3;

    public static List<CardAction> Approver(ToolRequest r, IReadOnlyList<string> roles, bool canTick, ApprovalActionData data)
    {
        // Several roles: the "Decide as" choice sits above the buttons (RolesChoice), and every decision sends it.
        var approve = new ExecuteAction
        {
            Title = "Approve",
            Verb = ApproveHandler.VerbName,
            Data = data,
            Style = ActionStyle.Positive,
            AssociatedInputs = roles.Count > 1 ? null : AssociatedInputs.None,
        };
        var reject = ShowCardAction.Form("Reject",
            [RequiredText(RejectHandler.ReasonInput, "Why? The requester will see this.", "Say why you reject the request.")],
            Submit("Reject", RejectHandler.VerbName, data, ActionStyle.Destructive));

        var more = new List<CardElement>
        {
            Row(ShowCardAction.Form("Approve with conditions", ConditionsForm(r), Submit("Approve", ApproveWithConditionsHandler.VerbName, data, ActionStyle.Positive))),
            Row(ShowCardAction.Form("Ask the requester a question",
                [RequiredText(AskInformationHandler.QuestionInput, "Your question for the requester", "Write your question.")],
                Submit("Send", AskInformationHandler.VerbName, data))),
        };
        if (canTick && TickForm(r, data) is { } tick) more.Add(Row(tick));
        return [approve, reject, new ShowCardAction { Title = "More", Card = new AdaptiveCard { Body = more } }];
    }

    public static List<CardAction> Requester(ToolRequest r, ApprovalActionData data)
    {
        var actions = new List<CardAction>();
        if (r.State == RequestState.MoreInformationRequested && r.OpenQuestion is not null)
            actions.Add(ShowCardAction.Form("Answer",
                [RequiredText(AnswerInformationHandler.AnswerInput, "Your answer", "Write your answer.")],
                Submit("Send the answer", AnswerInformationHandler.VerbName, data, ActionStyle.Positive)));
        if (r.State is RequestState.Pending or RequestState.MoreInformationRequested)
            actions.Add(ShowCardAction.Form("Withdraw",
                [new InputText { Id = WithdrawHandler.ReasonInput, Label = "Why (optional)", MaxLength = ApprovalStateMachine.MaxTextLength }],
                Submit("Withdraw", WithdrawHandler.VerbName, data, ActionStyle.Destructive)));
        return actions;
    }

    /// <summary>Read-only view of someone who may tick a go-live check: the one form they can use.</summary>
    public static List<CardAction> Checker(ToolRequest r, ApprovalActionData data) =>
        TickForm(r, data) is { } tick ? [tick] : [];

    private static ShowCardAction? TickForm(ToolRequest r, ApprovalActionData data)
    {
        var open = DueDiligence.Outstanding(r);
        if (open.Count == 0) return null;
        return ShowCardAction.Form("Record a check",
            [
                new InputChoiceSet
                {
                    Id = TickCheckHandler.CheckInput, Label = "Which check is done?", IsRequired = true, ErrorMessage = "Choose the check.",
                    Style = ChoiceInputStyle.Expanded, Choices = [.. open.Select(i => new Choice($"{i.Title} ({i.OwnerRole})", i.Code))],
                },
                new InputText { Id = TickCheckHandler.LinkInput, Label = "Link to the evidence (optional, https)", MaxLength = DueDiligence.MaxLinkLength, Regex = "^https://\\S+$", ErrorMessage = "An https link." },
            ],
            Submit("Record", TickCheckHandler.VerbName, data, ActionStyle.Positive));
    }

    private static List<CardElement> ConditionsForm(ToolRequest r)
    {
        var i = r.Intake;
        var form = new List<CardElement>
        {
            new TextBlock { Text = "Add conditions, narrow who and what it covers, or set the review date. Nothing here can widen the request.", IsSubtle = true },
            new InputChoiceSet
            {
                Id = ApproveWithConditionsHandler.ConditionsInput, Label = "Extra conditions", IsMultiSelect = true,
                Choices = [.. ConditionCodes.All.Where(c => c != ConditionCodes.PossibleIncidentReview).Order(StringComparer.Ordinal)
                    .Select(code => new Choice(CardText.Plain(ConditionDescriptions.Describe(code)), code))],
            },
        };
        // Narrowing only offers what the request asked for: the card cannot even express a wider scope.
        if (i.Users == UserGroup.StaffAndLearners)
            form.Add(new InputChoiceSet
            {
                Id = ApprovalCommandHandler.ScopeUsersInput,
                Label = "Who may use it",
                Style = ChoiceInputStyle.Compact,
                Placeholder = "As asked: staff and learners",
                Choices = [new("Staff only", nameof(UserGroup.Staff)), new("Learners only", nameof(UserGroup.Learners))],
            });
        if (i.Users != UserGroup.Staff)
            form.Add(new InputChoiceSet
            {
                Id = ApprovalCommandHandler.ScopeYearGroupInput,
                Label = "Youngest year group",
                Style = ChoiceInputStyle.Compact,
                Placeholder = i.YoungestYearGroup is { } y ? "As asked: " + Register.UseCheck.YearName(y) : "As asked",
                Choices = [.. Enum.GetValues<YearGroup>().Where(y => i.YoungestYearGroup is not { } asked || y.YoungestAge() >= asked.YoungestAge())
                    .Select(y => new Choice(Register.UseCheck.YearName(y), y.ToString()))],
            });
        var data = i.DataCategories.Where(d => d is not (DataCategory.None or DataCategory.Unsure)).ToList();
        if (data.Count > 0)
            form.Add(new InputChoiceSet
            {
                Id = ApprovalCommandHandler.ScopeDataInput,
                Label = "Data allowed (leave empty: as asked; choose 'No personal data' to allow none)",
                IsMultiSelect = true,
                Choices = [new("No personal data", nameof(DataCategory.None)), .. data.Select(d => new Choice(ApprovalCardBuilder.Words(d.ToString()), d.ToString()))],
            });
        if (r.Outcome.Tier != Tier.AcademyApproval)
            form.Add(new InputToggle { Id = ApprovalCommandHandler.ScopeAcademyOnlyInput, Title = "Only at the requesting academy", ValueOn = "true", ValueOff = "false" });
        form.Add(new InputDate { Id = ApprovalCommandHandler.ReviewDateInput, Label = "Review by (optional)" });
        form.Add(new InputText { Id = ApproveWithConditionsHandler.NoteInput, Label = "Note for the requester (optional)", IsMultiline = true, MaxLength = ApprovalStateMachine.MaxTextLength });
        return form;
    }

    /// <summary>
    /// Someone holding several pending roles says which they decide for: nothing is ticked for them, and the server
    /// refuses a decision that names none (it says so on the card). One input above the buttons, sent by every form.
    /// </summary>
    public static InputChoiceSet? RolesChoice(IReadOnlyList<string> roles) => roles.Count < 2 ? null : new()
    {
        Id = ApprovalCommandHandler.RolesInput,
        Label = "Decide as (choose your roles)",
        IsMultiSelect = true,
        Style = ChoiceInputStyle.Expanded,
        Choices = [.. roles.Select(role => new Choice(role, role))],
    };

    private static ActionSet Row(CardAction action) => new() { Actions = [action] };

    private static ExecuteAction Submit(string title, string verb, ApprovalActionData data, ActionStyle? style = null) =>
        new() { Title = title, Verb = verb, Data = data, Style = style };

    /// <summary>A required multiline box, capped as the state machine caps it.</summary>
    private static InputText RequiredText(string id, string label, string errorMessage) =>
        InputText.RequiredMultiline(id, label, errorMessage, ApprovalStateMachine.MaxTextLength);
}
