using AiPolicyBot.Application.Incidents;
using AiPolicyBot.Incidents;
using AiPolicyBot.Teams.Cards.Model;
using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Protocol;

namespace AiPolicyBot.Teams.Incidents;

/// <summary>
/// "Report this to the DPO" under the reply to a concern: opens a case (source chat, low severity until the DPO
/// assesses it). Keyed by the conversation and the message the button sits under, so a second click is the same case.
/// Nothing the person wrote is kept: the DPO contacts them.
/// </summary>
public sealed class RaiseConcernHandler(IIncidentIntake incidents, TimeProvider time) : ICardActionHandler
{
    public string Verb => IncidentVerbs.Raise;

    public async Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, CardActionInvoke action, CancellationToken ct)
    {
        if (turn.UserAadObjectId is not { Length: > 0 } userId)
            return InvokeResponseFactory.Message("Please raise it with Information Assurance directly: I can't tell who you are here.");
        var conversation = turn.Activity.Conversation?.Id ?? "";
        var key = $"{conversation}|{turn.Activity.ReplyToId ?? userId}";
        var c = await incidents.OpenAsync(IncidentOpenings.FromChat(userId, key, time.GetUtcNow(), null), ct);
        return InvokeResponseFactory.Card(Raised(c));
    }

    public static AdaptiveCard Raised(IncidentCase c) => new()
    {
        FallbackText = $"Reported to the DPO as {c.Id}",
        Body =
        [
            new TextBlock { Text = $"Thank you. The DPO has your report as case {c.Id} and will contact you.", Weight = TextWeight.Bolder },
            new TextBlock { Text = "Please don't paste personal data here, and don't delete anything from the tool yet.", IsSubtle = true },
        ],
    };
}
