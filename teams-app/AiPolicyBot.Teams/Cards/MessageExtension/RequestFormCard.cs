using System.Text.Json.Nodes;
using AiPolicyBot.Common;
using AiPolicyBot.Teams.Cards.Conversation;
using AiPolicyBot.Teams.Cards.Model;
using AiPolicyBot.Teams.Conversation.Wizard;

namespace AiPolicyBot.Teams.Cards.MessageExtension;

/// <summary>
/// The request wizard's questions on one page, for a message-extension dialog (task module). Same questions, same
/// inputs and same field names as the bot's wizard (<see cref="WizardQuestions"/>, <see cref="RequestWizardCard"/>),
/// so the same intake parser and submission service judge them. Dialog cards submit with Action.Submit
/// (composeExtension/submitAction), never Action.Execute. Field errors are listed at the top and under each input,
/// and what was typed is kept.
/// </summary>
public static class RequestFormCard
{
    public const string Title = "Request approval for an AI tool";

    /// <summary>data.msgextAction of the Submit button.</summary>
    public const string SubmitRequest = "submitRequest";

    public static AdaptiveCard Build(IReadOnlyList<WizardPage> pages, WizardState state, IReadOnlyList<FieldError>? errors = null, string? note = null)
    {
        errors ??= [];
        var body = new List<CardElement>
        {
            new TextBlock { Text = Title, Style = TextBlockStyle.Heading, Weight = TextWeight.Bolder, Size = TextSize.Medium },
            new TextBlock { Text = "Tell us about the tool and how you'd use it. The people who decide will see your answers.", IsSubtle = true, Spacing = Spacing.Small },
        };
        if (note is not null) body.Add(new TextBlock { Text = CardText.Escape(note), Spacing = Spacing.Small });
        if (errors.Count > 0)
        {
            body.Add(new Container
            {
                Style = ContainerStyle.Attention,
                Items =
                [
                    new TextBlock { Text = "Please check these answers (what you typed is kept):", Weight = TextWeight.Bolder, Color = TextColor.Attention },
                    .. errors.Select(e => new TextBlock { Text = $"- {CardText.Escape(LabelOf(pages, e.Field))}: {CardText.Escape(e.Message)}", Spacing = Spacing.None }),
                ],
            });
        }

        foreach (var page in pages)
        {
            body.Add(new TextBlock { Text = CardText.Escape(page.Title), Weight = TextWeight.Bolder, Size = TextSize.Medium, Separator = true, Spacing = Spacing.Large });
            body.Add(new TextBlock
            {
                Text = CardText.Escape(page.LearnersOnly ? "Only if learners will use it. " + page.Intro : page.Intro),
                IsSubtle = true,
                Spacing = Spacing.Small,
            });
            foreach (var q in page.Questions)
            {
                var input = RequestWizardCard.Input(q, state.Answers.GetValueOrDefault(q.Field));
                // On one page the learners questions cannot be required in the client: staff-only requests leave them
                // empty. The server still requires them when learners are involved.
                if (page.LearnersOnly) input = input with { IsRequired = null, ErrorMessage = null };
                body.Add(input);
                if (errors.FirstOrDefault(e => e.Field == q.Field) is { } err)
                    body.Add(new TextBlock { Text = "Please fix: " + CardText.Escape(err.Message), Color = TextColor.Attention, Size = TextSize.Small, Spacing = Spacing.None });
            }
        }
        body.Add(new TextBlock { Text = "Please don't type any personal data (names, pupil details) into these answers.", IsSubtle = true, Size = TextSize.Small });

        return new AdaptiveCard
        {
            Body = body,
            Actions =
            [
                new SubmitAction
                {
                    Title = "Submit request", Style = ActionStyle.Positive,
                    Data = new JsonObject { ["msgextAction"] = SubmitRequest, ["sessionId"] = state.SessionId },
                },
            ],
            FallbackText = Title,
        };
    }

    private static string LabelOf(IReadOnlyList<WizardPage> pages, string field) =>
        pages.SelectMany(p => p.Questions).FirstOrDefault(q => q.Field == field)?.Label.Replace(" (optional)", "") ?? field;
}
