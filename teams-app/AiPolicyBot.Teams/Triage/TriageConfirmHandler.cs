using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Protocol;
using AiPolicyBot.Triage;
using AiPolicyBot.Triage.Inbox;

namespace AiPolicyBot.Teams.Triage;

/// <summary>triage.confirm: a person in the IA channel confirms the suggested category.</summary>
public sealed class TriageConfirmHandler(TriageReview review) : ICardActionHandler
{
    public string Verb => TriageCard.ConfirmVerb;

    public Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, CardActionInvoke action, CancellationToken ct) =>
        review.DecideAsync(turn, action, chosen: null, ct);
}

/// <summary>triage.correct: a person picks the right category; the correction is stored for retraining.</summary>
public sealed class TriageCorrectHandler(TriageReview review) : ICardActionHandler
{
    public string Verb => TriageCard.CorrectVerb;

    public Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, CardActionInvoke action, CancellationToken ct)
    {
        var wire = action.GetString(TriageCard.CategoryInput);
        if (!TriageCategories.TryParse(wire, out var category) || category == TriageCategory.NeedsHuman)
            return Task.FromResult(InvokeResponseFactory.BadRequest($"{TriageCard.CategoryInput}: choose one of the categories."));
        return review.DecideAsync(turn, action, category, ct);
    }
}
