using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Cards.Model;
using AiPolicyBot.Teams.Conversation.Staff;
using static AiPolicyBot.Teams.Cards.Conversation.ConversationCardParts;

namespace AiPolicyBot.Teams.Cards.Conversation;

/// <summary>The person's own requests, newest first, with their state in words.</summary>
public static class MyRequestsCard
{
    public const int MaxShown = 15;

    public static AdaptiveCard Build(IReadOnlyList<ToolRequest> requests, string? highlightReference = null)
    {
        var body = new List<CardElement> { Heading("Your requests") };
        if (requests.Count == 0)
        {
            body.Add(Para("You haven't made any requests yet. Ask me \"can I use …?\" about a tool, or start a request below."));
        }
        else
        {
            var ordered = requests.OrderByDescending(r => r.SubmittedAt).ToList();
            var i = highlightReference is null ? -1 : ordered.FindIndex(r => r.Reference == highlightReference);
            if (i > 0)
            {
                var hit = ordered[i];
                ordered.RemoveAt(i);
                ordered.Insert(0, hit);
            }
            else if (highlightReference is not null && i < 0)
            {
                body.Add(Para($"I couldn't find {CardText.Escape(highlightReference)} among your requests. Here are the ones I have:", subtle: true));
            }
            foreach (var r in ordered.Take(MaxShown))
            {
                body.Add(new Container
                {
                    Separator = true,
                    Spacing = Spacing.Medium,
                    Items =
                    [
                        new TextBlock { Text = $"{CardText.Escape(r.Reference)}: {CardText.Escape(r.Intake.ToolName)}", Weight = TextWeight.Bolder },
                        new FactSet
                        {
                            Facts =
                            [
                                new("Status", PlainWords.State(r.State)),
                                new("Route", PlainWords.Tier(r.Outcome.Tier)),
                                new("Submitted", PlainWords.Date(r.SubmittedAt)),
                                .. r.PendingRoles.Count > 0 && r.State == RequestState.Pending
                                    ? [new Fact("Waiting for", string.Join(", ", r.PendingRoles.Select(RoleName)))]
                                    : Array.Empty<Fact>(),
                            ],
                        },
                    ],
                });
            }
            if (ordered.Count > MaxShown) body.Add(Para($"And {ordered.Count - MaxShown} older requests.", subtle: true));
        }
        return new AdaptiveCard
        {
            Body = body,
            Actions = [StartRequest("Start a new request", new Dictionary<string, string>()), Simple("Refresh", ShowMyRequestsAction.VerbName)],
            FallbackText = $"Your requests: {requests.Count}",
        };
    }

    private static string RoleName(string role) => role switch
    {
        "CIO" => "Chief Information Officer",
        "CDO" => "Chief Data Officer",
        "DPO" => "Data Protection Officer",
        "IT" => "IT team",
        "AcademyLeader" => "Academy leader",
        _ => CardText.Escape(role),
    };
}
