using AiPolicyBot.Register;
using AiPolicyBot.Teams.Cards.Model;
using AiPolicyBot.Teams.Conversation.Staff;
using AiPolicyBot.Training;
using static AiPolicyBot.Teams.Cards.Conversation.ConversationCardParts;

namespace AiPolicyBot.Teams.Cards.Conversation;

/// <summary>Training attestations: the confirmation, and "which tool?" when the message named none.</summary>
public static class TrainingCards
{
    public static AdaptiveCard Recorded(RegisterEntry entry, TrainingRecord record)
    {
        var name = CardText.Escape(entry.Name);
        return new AdaptiveCard
        {
            Body =
            [
                Heading("Training recorded"),
                Para($"Thanks. I've recorded that you completed the training for {name}."),
                new FactSet
                {
                    Facts =
                    [
                        new("Tool", name),
                        new("Completed", PlainWords.Date(record.CompletedAt)),
                        new("Policy version", CardText.Escape(record.PolicyVersion)),
                    ],
                },
                Para("This is your own statement (an attestation), kept with your training record. The tool's other conditions still apply.", subtle: true),
            ],
            Actions = [Simple("Approved tools", ShowApprovedToolsAction.VerbName)],
            FallbackText = CardText.Plain($"Training recorded for {entry.Name}"),
        };
    }

    public static AdaptiveCard WhichTool(IReadOnlyList<RegisterEntry> toolsNeedingTraining)
    {
        var body = new List<CardElement>
        {
            Heading("Which tool was the training for?"),
            Para(toolsNeedingTraining.Count == 0
                ? "No approved tool needs its own training at the moment, so there's nothing to record. Thanks for doing it!"
                : "Some approved tools need their own training before first use. Choose the one you completed:"),
        };
        return new AdaptiveCard
        {
            Body = body,
            Actions = toolsNeedingTraining.Take(5).Select(e => (CardAction)new ExecuteAction
            {
                Title = CardText.Plain($"I've completed the {e.Name} training"),
                Verb = RecordTrainingAction.VerbName,
                Data = new System.Text.Json.Nodes.JsonObject { ["entryId"] = e.Id },
            }).ToList(),
            FallbackText = "Which tool was the training for?",
        };
    }
}
