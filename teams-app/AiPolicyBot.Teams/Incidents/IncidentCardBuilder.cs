using System.Globalization;
using AiPolicyBot.Incidents;
using AiPolicyBot.Teams.Cards;
using AiPolicyBot.Teams.Cards.Model;
using Inputs = AiPolicyBot.Teams.Incidents.IncidentVerbs.Inputs;

namespace AiPolicyBot.Teams.Incidents;

/// <summary>Everything the incident card needs: the case, what the viewer may do, and a notice after an action.</summary>
public sealed record IncidentCardContext(IncidentCase Case, IncidentRoles Roles, DateTimeOffset Now, string? Notice = null, bool NoticeIsProblem = false);

/// <summary>
/// The incident card (docs/spec/incidents.md): source, severity, the 72-hour clock, the facts (never message
/// content), the DPO's decision, the actions and the closure; for the DPO the forms to decide, add an action and
/// close; for Information Assurance the action form. Every action is Action.Execute carrying only the case id.
/// </summary>
public static class IncidentCardBuilder
{
    public static AdaptiveCard Build(IncidentCardContext context)
    {
        var c = context.Case;
        var data = new IncidentActionData(c.Id);
        var body = new List<CardElement>
        {
            new TextBlock { Text = $"Incident {c.Id}: {SourceWords(c.Source)}", Style = TextBlockStyle.Heading, Size = TextSize.Large, Weight = TextWeight.Bolder },
            new TextBlock { Text = StatusText(c, context.Now), Weight = TextWeight.Bolder, Color = StatusColor(c, context.Now) },
        };
        if (context.Notice is { } notice)
            body.Add(new TextBlock { Text = CardText.Escape(notice), Color = context.NoticeIsProblem ? TextColor.Attention : TextColor.Good });
        var facts = new List<Fact>
        {
            new("Severity", c.Severity.ToString()),
            new("Opened", Time(c.OpenedAt)),
            new("72 hours end", Time(c.DueAt)),
            new("Academy", CardText.Escape(c.AcademyId)),
        };
        facts.AddRange(c.Facts.Select(f => new Fact(CardText.Escape(f.Label), CardText.Escape(f.Value))));
        body.Add(new FactSet { Facts = facts });
        body.Add(Section("Decision"));
        body.Add(new TextBlock
        {
            Text = c.Decision is { } d
                ? $"{(d.ReportableToIco ? "Reportable to the ICO" : "Not reportable to the ICO")}, decided by {CardText.Escape(d.DecidedByName)} on {Time(d.DecidedAt)}: \"{CardText.Escape(CardText.Truncate(d.Reason, 600))}\""
                : "Not decided yet.",
        });
        body.Add(Section("Actions"));
        if (c.Actions.Count == 0) body.Add(new TextBlock { Text = "None recorded yet.", IsSubtle = true });
        body.AddRange(c.Actions.TakeLast(20).Select(a => new TextBlock
        {
            Text = $"- {Time(a.At)}, {CardText.Escape(a.ByName)}: {CardText.Escape(CardText.Truncate(a.Text, 400))}",
        }));
        if (c.State == IncidentState.Closed)
            body.Add(new TextBlock
            {
                Text = $"Closed by {CardText.Escape(c.ClosedByName ?? "")} on {Time(c.ClosedAt ?? c.OpenedAt)}" + (c.ClosingNote is { } n ? $": \"{CardText.Escape(CardText.Truncate(n, 400))}\"" : "."),
                Separator = true,
            });

        var actions = Actions(c, context.Roles, data);
        if (actions.Count > 0) body.Add(new ActionSet { Actions = actions });
        return new AdaptiveCard
        {
            MsTeams = TeamsCardProperties.FullWidth,
            FallbackText = $"Incident {c.Id}: {StatusPlain(c)}",
            Body = body,
            Actions = [new ExecuteAction { Title = "Refresh", Verb = IncidentVerbs.Refresh, Data = data, AssociatedInputs = AssociatedInputs.None }],
        };
    }

    private static List<CardAction> Actions(IncidentCase c, IncidentRoles roles, IncidentActionData data)
    {
        var list = new List<CardAction>();
        if (!roles.CanSee || c.State == IncidentState.Closed) return list;
        if (roles.IsDpo && c.Decision is null)
            list.Add(ShowCardAction.Form("Decide: reportable to the ICO?",
            [
                new InputChoiceSet
                {
                    Id = Inputs.Reportable, Label = "Is the breach reportable to the ICO?", IsRequired = true, ErrorMessage = "Choose one.",
                    Style = ChoiceInputStyle.Expanded,
                    Choices = [new("Yes: report to the ICO within 72 hours", "true"), new("No: record it, do not report", "false")],
                },
                Required(Inputs.Reason, "Reason (kept with the case)", "Give the reason for the decision."),
            ], new ExecuteAction { Title = "Record the decision", Verb = IncidentVerbs.Decide, Data = data, Style = ActionStyle.Positive }));
        list.Add(ShowCardAction.Form("Add an action",
            [Required(Inputs.Action, "What was done or is to be done", "Describe the action.")],
            new ExecuteAction { Title = "Add the action", Verb = IncidentVerbs.AddAction, Data = data }));
        if (roles.IsDpo && c.Decision is not null)
            list.Add(ShowCardAction.Form("Close the case",
                [new InputText { Id = Inputs.Note, Label = "Closing note (optional)", IsMultiline = true, MaxLength = IncidentRules.MaxTextLength }],
                new ExecuteAction { Title = "Close the case", Verb = IncidentVerbs.Close, Data = data, Style = ActionStyle.Destructive }));
        return list;
    }

    public static string SourceWords(IncidentSource source) => source switch
    {
        IncidentSource.RequestDeclaration => "personal data may be in an unapproved tool",
        IncidentSource.BreachMail => "breach reported by email",
        _ => "concern raised in chat",
    };

    public static string StatusPlain(IncidentCase c) => c.State switch
    {
        IncidentState.Open => "open, waiting for the DPO's decision",
        IncidentState.Decided => "decided, actions under way",
        _ => "closed",
    };

    private static string StatusText(IncidentCase c, DateTimeOffset now)
    {
        var text = "Status: " + StatusPlain(c);
        if (c.State != IncidentState.Open) return text;
        var left = IncidentClock.HoursLeft(c, now);
        return text + (left >= 0
            ? $" ({left.ToString("0", CultureInfo.InvariantCulture)} hours left of 72)"
            : $" (72 hours passed {(-left).ToString("0", CultureInfo.InvariantCulture)} hours ago)");
    }

    private static TextColor StatusColor(IncidentCase c, DateTimeOffset now) => c.State switch
    {
        IncidentState.Closed => TextColor.Good,
        IncidentState.Open when IncidentClock.HoursLeft(c, now) < 24 => TextColor.Attention,
        _ => TextColor.Accent,
    };

    private static string Time(DateTimeOffset at) => at.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static TextBlock Section(string title) =>
        new() { Text = title, Weight = TextWeight.Bolder, Size = TextSize.Medium, Separator = true, Spacing = Spacing.Medium };

    private static InputText Required(string id, string label, string error) =>
        InputText.RequiredMultiline(id, label, error, IncidentRules.MaxTextLength);

    /// <summary>What anyone who may not see cases gets, for any id: the same words, nothing that tells cases apart.</summary>
    public static AdaptiveCard NotYours() => new()
    {
        FallbackText = NotYoursText,
        Body = [new TextBlock { Text = NotYoursText }],
    };

    public const string NotYoursText = "Incident cases are seen only by the DPO and the Information Assurance team.";
}
