using System.Globalization;
using AiPolicyBot.Approvals;
using AiPolicyBot.Policy;
using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Cards;
using AiPolicyBot.Teams.Cards.Conversation;
using AiPolicyBot.Teams.Cards.Model;

namespace AiPolicyBot.Teams.Approvals.Cards;

/// <summary>Who the card is for: an approver who can act now, anyone else (read-only), or the requester.</summary>
public enum ApprovalCardView { Approver, ReadOnly, Requester }

/// <summary>
/// Everything a card needs. <see cref="RefreshUserIds"/> are the pending approvers' Teams user ids (MRIs), so only
/// they get the automatic refresh that shows the buttons; the server still checks every click.
/// </summary>
public sealed record ApprovalCardContext(
    ToolRequest Request,
    ApprovalCardView View,
    IReadOnlyList<string> RefreshUserIds,
    IReadOnlyList<string> DecidingRoles,
    bool LocalDemo = false,
    string? Notice = null,
    bool NoticeIsProblem = false,
    string? AcademyName = null);

/// <summary>
/// Builds the approval card in its three views (docs/approvals.md: one factory, one view per persona). The
/// whole request, routing reasons with policy sections, proposed conditions in plain English, the due-diligence
/// checklist, who decided what and who is still to decide. Every action is Action.Execute carrying only the reference.
/// </summary>
public static class ApprovalCardBuilder
{
    public static AdaptiveCard Build(ApprovalCardContext context)
    {
        var r = context.Request;
        var data = new ApprovalActionData(r.Reference);
        var body = new List<CardElement>();
        if (context.LocalDemo)
            body.Add(new Container
            {
                Style = ContainerStyle.Warning,
                Items = [new TextBlock { Text = "Local demo: separation of duties is switched off (Development only).", Weight = TextWeight.Bolder }],
            });
        body.Add(new TextBlock
        {
            Text = $"AI tool request {r.Reference}: {CardText.Escape(r.Intake.ToolName)}",
            Style = TextBlockStyle.Heading,
            Size = TextSize.Large,
            Weight = TextWeight.Bolder,
        });
        body.Add(new TextBlock { Text = StatusText(r), Weight = TextWeight.Bolder, Color = StatusColor(r.State) });
        if (context.Notice is { } notice)
            body.Add(new TextBlock { Text = CardText.Escape(notice), Color = context.NoticeIsProblem ? TextColor.Attention : TextColor.Good });

        body.Add(new FactSet { Facts = RequestFacts(r, context.AcademyName) });
        body.Add(Section("Why it needs approval"));
        body.AddRange(r.Outcome.Reasons.Select(reason => new TextBlock
        {
            Text = $"- {CardText.Escape(reason.Rule)} (policy {CardText.Escape(reason.PolicySection)}): {CardText.Escape(reason.Text)}",
        }));
        var conditions = ApprovalStateMachine.MergeConditions(r.Outcome.Conditions, r.AddedConditions);
        if (conditions.Count > 0)
        {
            body.Add(Section("Proposed conditions"));
            body.AddRange(conditions.Select(code => new TextBlock { Text = $"- {ConditionDescriptions.Describe(code)}" }));
        }
        var checklist = DueDiligence.For(r);
        if (checklist.Count > 0)
        {
            body.Add(Section("Due diligence before go-live"));
            body.Add(new FactSet { Facts = [.. checklist.Select(i => new Fact(i.Owner, "To check: " + i.Title))] });
        }
        body.Add(Section("Decisions"));
        body.AddRange(DecisionLines(r));
        body.AddRange(QuestionLines(r));

        var actions = context.View switch
        {
            ApprovalCardView.Approver => ApproverActions(context, data),
            ApprovalCardView.Requester => RequesterActions(r, data),
            _ => null,
        };
        if (actions is { Count: > 0 }) body.Add(new ActionSet { Actions = actions });

        return new AdaptiveCard
        {
            MsTeams = TeamsCardProperties.FullWidth,
            FallbackText = $"AI tool request {r.Reference}: {CardText.Plain(r.Intake.ToolName)} – {StatusPlain(r)}",
            Refresh = new CardRefresh
            {
                Action = new ExecuteAction { Verb = ApprovalVerbs.Refresh, Data = data },
                UserIds = [.. context.RefreshUserIds.Take(CardRefresh.MaxUserIds)],
            },
            Body = body,
        };
    }

    private static IReadOnlyList<Fact> RequestFacts(ToolRequest r, string? academyName)
    {
        var i = r.Intake;
        var facts = new List<Fact>
        {
            new("Requested by", CardText.Escape(r.RequesterName)),
            new("Academy", CardText.Escape(academyName ?? i.AcademyId)),
            new("Request type", Words(i.RequestType.ToString())),
            new("Tool", CardText.Escape(i.ToolName) + (i.Vendor is { Length: > 0 } v ? $" ({CardText.Escape(v)})" : "")),
            new("Edition", Words(i.Edition.ToString())),
            new("How it is used", Words(i.AccessMode.ToString())),
            new("Purpose", CardText.Escape(CardText.Truncate(i.Purpose, 500))),
            new("Use", PlainWords.UseCategory(i.UseCategory)),
            new("Users", PlainWords.Users(i.Users) + (i.YoungestYearGroup is { } y ? $", youngest {y}" : "")),
            new("Data", string.Join(", ", i.DataCategories.Select(c => Words(c.ToString())))),
            new("Vendor trains on inputs", Words(i.VendorTrainsOnInputs.ToString())),
            new("Output used for", Words(i.OutputUse.ToString())),
            new("Route", PlainWords.Tier(r.Outcome.Tier) + (r.Outcome.RequiresItInstall ? ", IT installs" : "")),
            new("Submitted", r.SubmittedAt.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture)),
        };
        if (i.ToolUrl is { Length: > 0 } url) facts.Insert(4, new Fact("Web address", CardText.Escape(url)));
        if (i.DataLocation is { } loc) facts.Add(new("Data stored in", loc switch
        {
            DataLocation.Uk => "UK",
            DataLocation.Eea => "EEA",
            DataLocation.Other => "Outside the UK and EEA",
            _ => "Unknown",
        }));
        if (i.DpaAvailable is { } dpa) facts.Add(new("DPA available", Words(dpa.ToString())));
        if (i.HumanReview is { } hr) facts.Add(new("Human review", hr switch
        {
            HumanReview.Every => "Every output",
            HumanReview.Sample => "A sample of outputs",
            _ => "None",
        }));
        return facts;
    }

    private static IEnumerable<CardElement> DecisionLines(ToolRequest r)
    {
        foreach (var d in r.Decisions)
        {
            var what = d.Kind switch
            {
                DecisionKind.Approve => "Approved",
                DecisionKind.ApproveWithConditions => "Approved with conditions",
                DecisionKind.Reject => "Rejected",
                _ => "Asked for information",
            };
            var extra = d.Conditions.Count > 0 ? " – conditions: " + string.Join(", ", d.Conditions) : "";
            var note = d.Comment is { } c ? $" – \"{CardText.Escape(CardText.Truncate(c, 300))}\"" : "";
            yield return new TextBlock
            {
                Text = $"- {d.Role}: {what} by {CardText.Escape(d.ApproverName)} on {d.DecidedAt.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}{extra}{note}",
                Color = d.Kind == DecisionKind.Reject ? TextColor.Attention : TextColor.Good,
            };
        }
        if (r.PendingRoles.Count > 0 && r.State is RequestState.Pending or RequestState.MoreInformationRequested)
            yield return new TextBlock { Text = "Still to decide: " + string.Join(", ", r.PendingRoles) };
        else if (r.Decisions.Count == 0)
            yield return new TextBlock { Text = "No decisions were recorded." };
    }

    private static IEnumerable<CardElement> QuestionLines(ToolRequest r)
    {
        foreach (var q in r.AnsweredQuestions)
            yield return new TextBlock
            {
                Text = $"{q.Role} asked: \"{CardText.Escape(CardText.Truncate(q.Question, 400))}\" – answer: \"{CardText.Escape(CardText.Truncate(q.Answer, 400))}\"",
                IsSubtle = true,
            };
        if (r.OpenQuestion is { } open)
            yield return new TextBlock
            {
                Text = $"{open.Role} ({CardText.Escape(open.AskedByName)}) asks: \"{CardText.Escape(CardText.Truncate(open.Question, 600))}\" – waiting for the requester.",
                Weight = TextWeight.Bolder,
            };
    }

    private static List<CardAction> ApproverActions(ApprovalCardContext context, ApprovalActionData data)
    {
        var roles = string.Join(", ", context.DecidingRoles);
        var extraCodes = ConditionCodes.All.Where(c => c != ConditionCodes.PossibleIncidentReview).Order(StringComparer.Ordinal)
            .Select(code => new Choice(CardText.Plain(ConditionDescriptions.Describe(code)), code)).ToList();
        return
        [
            new ExecuteAction { Title = $"Approve (as {roles})", Verb = ApprovalVerbs.Approve, Data = data, Style = ActionStyle.Positive, AssociatedInputs = AssociatedInputs.None },
            Form("Approve with conditions",
                [
                    new InputChoiceSet { Id = ApprovalVerbs.Inputs.Conditions, Label = "Extra conditions", IsMultiSelect = true, Choices = extraCodes },
                    new InputText { Id = ApprovalVerbs.Inputs.Note, Label = "Note for the requester (optional)", IsMultiline = true, MaxLength = ApprovalStateMachine.MaxTextLength },
                ],
                new ExecuteAction { Title = $"Approve with these conditions (as {roles})", Verb = ApprovalVerbs.ApproveWithConditions, Data = data, Style = ActionStyle.Positive }),
            Form("Reject",
                [RequiredText(ApprovalVerbs.Inputs.RejectReason, "Why? The requester will see this.", "Say why you reject the request.")],
                new ExecuteAction { Title = $"Reject (as {roles})", Verb = ApprovalVerbs.Reject, Data = data, Style = ActionStyle.Destructive }),
            Form("Ask for more information",
                [RequiredText(ApprovalVerbs.Inputs.Question, "Your question for the requester", "Write your question.")],
                new ExecuteAction { Title = "Send the question", Verb = ApprovalVerbs.AskInformation, Data = data }),
        ];
    }

    private static List<CardAction> RequesterActions(ToolRequest r, ApprovalActionData data)
    {
        var actions = new List<CardAction>();
        if (r.State == RequestState.MoreInformationRequested && r.OpenQuestion is not null)
            actions.Add(Form("Answer the question",
                [RequiredText(ApprovalVerbs.Inputs.Answer, "Your answer", "Write your answer.")],
                new ExecuteAction { Title = "Send the answer", Verb = ApprovalVerbs.Answer, Data = data, Style = ActionStyle.Positive }));
        if (r.State is RequestState.Pending or RequestState.MoreInformationRequested)
            actions.Add(Form("Withdraw the request",
                [new InputText { Id = ApprovalVerbs.Inputs.WithdrawReason, Label = "Why (optional)", MaxLength = ApprovalStateMachine.MaxTextLength }],
                new ExecuteAction { Title = "Withdraw", Verb = ApprovalVerbs.Withdraw, Data = data, Style = ActionStyle.Destructive }));
        return actions;
    }

    /// <summary>A button that opens a small form under it: the inputs, then one Action.Execute that sends them.</summary>
    private static ShowCardAction Form(string title, IReadOnlyList<CardElement> inputs, ExecuteAction submit) =>
        new() { Title = title, Card = new AdaptiveCard { Body = inputs, Actions = [submit] } };

    /// <summary>A required multiline box (a reason, a question, an answer), capped as the state machine caps it.</summary>
    private static InputText RequiredText(string id, string label, string errorMessage) => new()
    {
        Id = id,
        Label = label,
        IsRequired = true,
        IsMultiline = true,
        MaxLength = ApprovalStateMachine.MaxTextLength,
        ErrorMessage = errorMessage,
    };

    public static string StatusPlain(ToolRequest r) => r.State switch
    {
        RequestState.Pending => "Waiting for: " + string.Join(", ", r.PendingRoles),
        RequestState.MoreInformationRequested => "Waiting for the requester to answer a question",
        RequestState.Approved => "Approved",
        RequestState.Rejected => "Rejected",
        RequestState.Withdrawn => "Withdrawn by the requester",
        RequestState.Expired => "Expired without a decision",
        RequestState.Closed => "Closed: no approval needed",
        _ => "Draft",
    };

    private static string StatusText(ToolRequest r) =>
        "Status: " + StatusPlain(r) + (r.ClosingReason is { } reason && r.State is RequestState.Withdrawn or RequestState.Expired
            ? " – " + CardText.Escape(reason) : "");

    private static TextColor StatusColor(RequestState state) => state switch
    {
        RequestState.Approved => TextColor.Good,
        RequestState.Rejected or RequestState.Expired => TextColor.Attention,
        RequestState.Withdrawn => TextColor.Default,
        _ => TextColor.Accent,
    };

    private static TextBlock Section(string title) =>
        new() { Text = title, Weight = TextWeight.Bolder, Size = TextSize.Medium, Separator = true, Spacing = Spacing.Medium };

    /// <summary>Enum names as words: "EducationEnterprise" → "education enterprise".</summary>
    public static string Words(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : i == 0 ? c.ToString() : c.ToString()));
}
