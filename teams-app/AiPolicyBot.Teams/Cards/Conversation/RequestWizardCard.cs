using AiPolicyBot.Common;
using AiPolicyBot.Teams.Cards.Model;
using AiPolicyBot.Teams.Conversation.Staff;
using AiPolicyBot.Teams.Conversation.Wizard;

namespace AiPolicyBot.Teams.Cards.Conversation;

/// <summary>
/// One page of the request wizard. Inputs are prefilled with the answers so far (so nothing typed is lost when a
/// page comes back with errors); each field error is shown in words right under its input and summed up at the top.
/// </summary>
public static class RequestWizardCard
{
    public static AdaptiveCard Build(WizardState state, IReadOnlyList<WizardPage> pages, IReadOnlyList<FieldError>? errors = null)
    {
        errors ??= [];
        var visible = VisiblePages(state, pages);
        var page = pages[Math.Clamp(state.Page, 0, pages.Count - 1)];
        var position = visible.IndexOf(page) + 1;
        var isLast = position == visible.Count;

        var body = new List<CardElement>
        {
            new TextBlock { Text = "Request approval for an AI tool", Style = TextBlockStyle.Heading, Weight = TextWeight.Bolder, Size = TextSize.Medium },
            new TextBlock { Text = $"Step {position} of {visible.Count}: {page.Title}", Weight = TextWeight.Bolder, Spacing = Spacing.Small },
            new TextBlock { Text = page.Intro, IsSubtle = true, Spacing = Spacing.Small },
        };
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
        foreach (var q in page.Questions)
        {
            body.Add(Input(q, state.Answers.GetValueOrDefault(q.Field)));
            if (errors.FirstOrDefault(e => e.Field == q.Field) is { } err)
            {
                body.Add(new TextBlock { Text = "Please fix: " + CardText.Escape(err.Message), Color = TextColor.Attention, Size = TextSize.Small, Spacing = Spacing.None });
            }
        }
        body.Add(new TextBlock { Text = "Please don't type any personal data (names, pupil details) into these answers.", IsSubtle = true, Size = TextSize.Small });

        var actions = new List<CardAction>();
        if (position > 1)
            actions.Add(new ExecuteAction { Title = "Back", Verb = WizardStepAction.VerbName, Data = state.ToActionData(state.Page, "back"), AssociatedInputs = AssociatedInputs.None });
        actions.Add(isLast
            ? new ExecuteAction { Title = "Submit request", Verb = SubmitRequestAction.VerbName, Data = state.ToActionData(state.Page), Style = ActionStyle.Positive }
            : new ExecuteAction { Title = "Next", Verb = WizardStepAction.VerbName, Data = state.ToActionData(state.Page, "next"), Style = ActionStyle.Positive });

        return new AdaptiveCard { Body = body, Actions = actions, FallbackText = "Request approval for an AI tool" };
    }

    /// <summary>The pages this person will see (the learners page only when learners use the tool).</summary>
    public static List<WizardPage> VisiblePages(WizardState state, IReadOnlyList<WizardPage> pages) =>
        pages.Where(p => !p.LearnersOnly || state.LearnersInvolved).ToList();

    private static string LabelOf(IReadOnlyList<WizardPage> pages, string field) =>
        pages.SelectMany(p => p.Questions).FirstOrDefault(q => q.Field == field)?.Label.Replace(" (optional)", "") ?? field;

    /// <summary>The input for one question, prefilled (internal: the message extension's one-page dialog reuses it).</summary>
    internal static CardInput Input(WizardQuestion q, string? value) => q.Kind switch
    {
        QuestionKind.Text or QuestionKind.LongText => new InputText
        {
            Id = q.Field,
            Label = q.Label,
            IsRequired = q.Required ? true : null,
            ErrorMessage = q.Required ? $"Please answer: {q.Label}" : null,
            IsMultiline = q.Kind == QuestionKind.LongText ? true : null,
            MaxLength = q.Kind == QuestionKind.LongText ? WizardState.MaxAnswerLength : 200,
            Placeholder = q.Placeholder,
            Value = string.IsNullOrEmpty(value) ? null : CardText.Plain(value),
        },
        QuestionKind.Toggle => new InputToggle
        {
            Id = q.Field,
            Label = q.Label,
            Title = "Yes",
            ValueOn = "true",
            ValueOff = "false",
            Value = value == "true" ? "true" : "false",
        },
        _ => new InputChoiceSet
        {
            Id = q.Field,
            Label = q.Label,
            IsRequired = q.Required ? true : null,
            ErrorMessage = q.Required ? $"Please choose: {q.Label}" : null,
            IsMultiSelect = q.Kind == QuestionKind.MultiChoice ? true : null,
            Style = q.Kind == QuestionKind.MultiChoice || (q.Choices?.Count ?? 0) <= 4 ? ChoiceInputStyle.Expanded : ChoiceInputStyle.Compact,
            Choices = (q.Choices ?? []).Select(c => new Choice(CardText.Plain(c.Title), c.Value)).ToList(),
            Value = string.IsNullOrEmpty(value) ? null : CardText.Plain(value),
        },
    };
}
