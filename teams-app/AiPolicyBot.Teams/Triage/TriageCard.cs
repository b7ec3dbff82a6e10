using AiPolicyBot.Teams.Cards;
using AiPolicyBot.Teams.Cards.Model;
using AiPolicyBot.Triage;
using AiPolicyBot.Triage.Inbox;

namespace AiPolicyBot.Teams.Triage;

/// <summary>
/// The triage card for the IA team channel (docs/triage-inbox.md): the suggested category, the evidence,
/// the confidence and the PII kinds; a person confirms (triage.confirm) or corrects (triage.correct with a choice).
/// The action data carries only the record key; handlers load the record. Also the urgent DPO variant (no actions).
/// </summary>
public static class TriageCard
{
    public const string ConfirmVerb = "triage.confirm";
    public const string CorrectVerb = "triage.correct";
    public const string CategoryInput = "category";

    public static AdaptiveCard Build(TriageRecord r, TriageActionPlan plan)
    {
        var decided = r.ConfirmedCategory is { } c;
        var body = new List<CardElement>
        {
            new TextBlock
            {
                Text = Title(r),
                Size = TextSize.Large, Weight = TextWeight.Bolder, Style = TextBlockStyle.Heading,
                Color = TriageClassifier.AlertsDpo(r.Category, r.Signals) ? TextColor.Attention : null,
            },
            new FactSet
            {
                Facts =
                [
                    new Fact("From", CardText.Escape(r.FromAddress)),
                    new Fact("Subject", CardText.Escape(CardText.Truncate(r.Subject, 200))),
                    new Fact("Received", r.ReceivedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)),
                    new Fact("Suggested", $"{Label(r.Category)} ({r.Confidence:0.00})"),
                    new Fact("Evidence", CardText.Escape(string.Join(", ", r.Signals.Take(8)))),
                    new Fact("Personal data", r.PersonalData.Count == 0 ? "none detected" : string.Join(", ", r.PersonalData)),
                    new Fact("Actions", Actions(r, plan)),
                ],
            },
        };
        if (r.SuggestedAnswer is { } answer)
            body.Add(new TextBlock { Text = "Suggested answer (a person sends it; never sent automatically): " + CardText.Escape(answer), IsSubtle = true });
        if (decided)
        {
            body.Add(new TextBlock { Text = $"Confirmed as {Label(r.ConfirmedCategory!.Value)}", Weight = TextWeight.Bolder, Color = TextColor.Good });
            return new AdaptiveCard { Body = body, FallbackText = "Mail triaged: " + Label(r.ConfirmedCategory!.Value), MsTeams = TeamsCardProperties.FullWidth };
        }
        body.Add(new InputChoiceSet
        {
            Id = CategoryInput,
            Label = "Correct category",
            Value = r.Category.WireName(),
            Choices = [.. TriageCategories.Classes.Select(k => new Choice(Label(k), k.WireName()))],
        });
        var data = new Dictionary<string, string> { ["triageKey"] = r.Key };
        return new AdaptiveCard
        {
            Body = body,
            Actions =
            [
                new ExecuteAction { Title = "Confirm", Verb = ConfirmVerb, Data = data, Style = ActionStyle.Positive },
                new ExecuteAction { Title = "Correct", Verb = CorrectVerb, Data = data, AssociatedInputs = AssociatedInputs.Auto },
            ],
            FallbackText = "Mail triaged: " + Label(r.Category),
            MsTeams = TeamsCardProperties.FullWidth,
        };
    }

    /// <summary>
    /// A confident breach and a possible one (triage unsure: a person must look; the mail keeps its category) read
    /// differently.
    /// </summary>
    public static string Title(TriageRecord r) =>
        TriageClassifier.IsPossibleBreach(r.Signals)
            ? "Possible data breach: triage is unsure, please check (the DPO has been alerted)"
              + (r.Category == TriageCategory.Breach ? "" : "; triaged as " + Label(r.Category))
        : r.Category == TriageCategory.Breach ? "Data breach reported (the DPO has been alerted)"
        : "Mail triaged: " + Label(r.Category);

    public static string Label(TriageCategory c) => c switch
    {
        TriageCategory.ToolRequest => "tool request",
        TriageCategory.NeedsHuman => "needs a person",
        _ => c.WireName(),
    };

    private static string Actions(TriageRecord r, TriageActionPlan plan)
    {
        var done = new List<string>();
        if (plan.AlertDpo) done.Add("DPO alerted by email");
        if (r.DraftReference is { } d) done.Add($"draft request {d}");
        if (plan.ForwardToComplaints) done.Add("forwarded to the complaints contact");
        if (plan.AcknowledgeSender && !plan.NoReply) done.Add("sender acknowledged");
        if (plan.NoReply) done.Add("no reply (automated, own or bulk mail)");
        if (plan.HeldForPerson) done.Add("sender not verified: no reply, number or draft until a person confirms");
        done.Add($"filed in \"{plan.Folder}\"");
        return string.Join("; ", done);
    }
}
