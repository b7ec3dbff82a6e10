using AiPolicyBot.Policy;
using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Cards.Model;
using AiPolicyBot.Teams.Conversation.Staff;
using static AiPolicyBot.Teams.Cards.Conversation.ConversationCardParts;

namespace AiPolicyBot.Teams.Cards.Conversation;

/// <summary>
/// What happens to a submitted request, for the requester: the reference, the tier in plain words, who decides,
/// the conditions and the next steps. Prohibited explains why, cites the policy and says how the plan could change;
/// already approved says so. Never a decision: people decide.
/// </summary>
public static class RequestOutcomeCard
{
    public static AdaptiveCard Build(ToolRequest request, bool trainingStillNeeded = false)
    {
        var o = request.Outcome;
        var tool = CardText.Escape(request.Intake.ToolName);
        var body = new List<CardElement>
        {
            Heading($"Request {CardText.Escape(request.Reference)}: {tool}"),
            new TextBlock { Text = PlainWords.Tier(o.Tier), Weight = TextWeight.Bolder, Size = TextSize.Medium, Spacing = Spacing.Medium,
                Color = o.Tier switch { Tier.Prohibited => TextColor.Attention, Tier.AlreadyApproved => TextColor.Good, _ => TextColor.Accent } },
        };

        switch (o.Tier)
        {
            case Tier.Prohibited:
                body.Add(Para("What you described can't go ahead under the Trust AI policy. Here is why:"));
                break;
            case Tier.AlreadyApproved:
                body.Add(Para(trainingStillNeeded
                    ? "This tool is already approved for what you described. Complete its training before first use, then tell me and I'll record it."
                    : "This tool is already approved for what you described: you can use it within the conditions below. Nobody needs to approve it again."));
                break;
            default:
                body.Add(Para("Thank you. Your request has been sent to the people who decide. Please don't start using the tool for this until it is approved."));
                break;
        }

        body.Add(new FactSet
        {
            Facts =
            [
                new("Reference", CardText.Escape(request.Reference)),
                new("Tool", tool),
                new("Who decides", PlainWords.WhoDecides(o.Tier)),
                new("Submitted", PlainWords.Date(request.SubmittedAt)),
                new("Status", PlainWords.State(request.State)),
                .. o.RequiresItInstall && o.Tier != Tier.Prohibited ? [new Fact("Installation", "IT installs it after approval")] : Array.Empty<Fact>(),
            ],
        });

        body.Add(new TextBlock { Text = o.Tier == Tier.Prohibited ? "Why" : "Why this route", Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
        foreach (var r in o.Reasons)
            body.Add(new TextBlock { Text = $"- {CardText.Escape(r.Text)} (policy {r.PolicySection})", Spacing = Spacing.None });

        if (o.Tier == Tier.Prohibited)
        {
            body.Add(new TextBlock { Text = "How your plan could change", Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
            body.Add(Para(HowToChange(o)));
        }
        else
        {
            body.AddRange(Conditions(o.Conditions, o.Tier == Tier.AlreadyApproved ? "Conditions of use" : "Conditions if it is approved"));
            body.Add(new TextBlock { Text = "What happens next", Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
            body.Add(Para(o.Tier == Tier.AlreadyApproved
                ? "Nothing more to do here. Keep to the conditions, and ask me again if your use changes."
                : "I'll message you here when they decide, or if they need more information. You can check at any time with \"my requests\"."));
        }
        if (o.Conditions.Contains(ConditionCodes.PossibleIncidentReview))
            body.Add(Para("Because you said personal or sensitive data may already have gone into this tool, the Data Protection Officer will be in touch to check whether anything needs to be done. Please don't send any of that data in chat."));

        return new AdaptiveCard
        {
            Body = body,
            Actions = [Simple("My requests", ShowMyRequestsAction.VerbName)],
            FallbackText = $"Request {request.Reference}: {PlainWords.Tier(o.Tier)}",
        };
    }

    private static string HowToChange(RoutingOutcome o)
    {
        var rules = o.Reasons.Select(r => r.Rule).ToHashSet(StringComparer.Ordinal);
        var tips = new List<string>();
        if (rules.Any(r => r.StartsWith("R1", StringComparison.Ordinal)))
            tips.Add("have a person review every output before it informs any decision about someone, and resubmit");
        if (rules.Any(r => r.StartsWith("R2", StringComparison.Ordinal)))
            tips.Add("if something has changed since the Trust's decision, ask for a re-review with a renewal request");
        if (rules.Any(r => r.StartsWith("R3", StringComparison.Ordinal)))
            tips.Add("use it for staff only, or with learners who meet the tool's minimum age");
        if (rules.Any(r => r.StartsWith("R4", StringComparison.Ordinal)))
            tips.Add("make sure the AI doesn't write work that learners hand in as their own for assessment");
        if (tips.Count == 0) tips.Add("change how the tool would be used and submit a new request");
        return "You could " + string.Join("; or ", tips) + ". Your request is recorded either way.";
    }
}
