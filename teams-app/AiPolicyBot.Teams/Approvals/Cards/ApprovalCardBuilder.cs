using AiPolicyBot.Teams.Approvals.Handlers;
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
    string? AcademyName = null)
{
    /// <summary>This person may tick go-live checks (<see cref="DueDiligence.MayTick"/>).</summary>
    public bool CanTickChecks { get; init; }

    /// <summary>Where the card reached each approver, in plain words ("sent to the CDO 09:12; not yet delivered to the DPO").</summary>
    public string? DeliveryStatus { get; init; }
}

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
        if (r.ApprovedScope is { IsEmpty: false } || r.ReviewDate is not null)
            body.Add(new TextBlock { Text = "Approved scope: " + ScopeWords(r), Wrap = true });
        var checklist = DueDiligence.For(r);
        if (checklist.Count > 0)
        {
            body.Add(Section("Due diligence before go-live"));
            body.Add(new FactSet { Facts = [.. checklist.Select(i => new Fact(i.OwnerRole, CheckLine(r, i)))] });
        }
        body.Add(Section("Decisions"));
        body.AddRange(DecisionLines(r));
        body.AddRange(QuestionLines(r));
        if (context.DeliveryStatus is { } delivery)
            body.Add(new TextBlock { Text = CardText.Escape(delivery), IsSubtle = true, Wrap = true });
        if (context.View == ApprovalCardView.Approver)
        {
            body.Add(new TextBlock { Text = "You decide as " + string.Join(" and ", context.DecidingRoles) + ".", Weight = TextWeight.Bolder });
            if (ApprovalCardActions.RolesChoice(context.DecidingRoles) is { } choose) body.Add(choose);
        }

        var actions = context.View switch
        {
            ApprovalCardView.Approver => ApprovalCardActions.Approver(r, context.DecidingRoles, context.CanTickChecks, data),
            ApprovalCardView.Requester => ApprovalCardActions.Requester(r, data),
            _ when context.CanTickChecks => ApprovalCardActions.Checker(r, data),
            _ => null,
        };
        if (actions is { Count: > 0 }) body.Add(new ActionSet { Actions = actions });

        return new AdaptiveCard
        {
            MsTeams = TeamsCardProperties.FullWidth,
            FallbackText = $"AI tool request {r.Reference}: {CardText.Plain(r.Intake.ToolName)} – {StatusPlain(r)}",
            Refresh = new CardRefresh
            {
                Action = new ExecuteAction { Verb = RefreshApprovalHandler.VerbName, Data = data },
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
                _ => null,
            };
            if (what is null) continue; // questions, answers and withdrawals are shown below, not as decisions
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

    private static string CheckLine(ToolRequest r, DueDiligenceItem item) =>
        r.Checks.FirstOrDefault(t => t.Code == item.Code) is { } t
            ? $"Done: {item.Title}, ticked by {CardText.Escape(t.ByName)} on {t.At.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture)}"
              + (t.Link is { } link ? $" ([evidence]({link}))" : "")
            : "To check: " + item.Title;

    private static string ScopeWords(ToolRequest r)
    {
        var parts = new List<string>();
        if (r.ApprovedScope is { } s)
        {
            if (s.OnlyRequestingAcademy) parts.Add("only at the requesting academy");
            if (s.Users is { } u) parts.Add(PlainWords.Users(u));
            if (s.YoungestYearGroup is { } y) parts.Add("from " + Register.UseCheck.YearName(y));
            if (s.Data is { } d) parts.Add(d.All(c => c == DataCategory.None) ? "no personal data" : "data: " + string.Join(", ", d.Select(c => Words(c.ToString()))));
        }
        if (r.ReviewDate is { } review) parts.Add("review by " + review.ToString("d MMM yyyy", CultureInfo.InvariantCulture));
        return string.Join("; ", parts);
    }

    public static string StatusPlain(ToolRequest r) => r.State switch
    {
        RequestState.Pending => "Waiting for: " + string.Join(", ", r.PendingRoles),
        RequestState.MoreInformationRequested => "Waiting for the requester to answer a question",
        RequestState.Approved when DueDiligence.ChecksPending(r) => "Approved, checks pending: " + string.Join(", ", DueDiligence.Outstanding(r).Select(i => i.Title)),
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
