using AiPolicyBot.Register;
using AiPolicyBot.Teams.Cards.Model;
using AiPolicyBot.Teams.Conversation.Staff;
using static AiPolicyBot.Teams.Cards.Conversation.ConversationCardParts;

namespace AiPolicyBot.Teams.Cards.Conversation;

/// <summary>
/// The answer to "can I use X?" for a register tool: a plain verdict first (in words, never colour alone), what the
/// approval covers, its conditions, this person's training, the policy section, the review date, and next actions.
/// </summary>
public static class ToolAnswerCard
{
    public static AdaptiveCard Build(UseAssessment a, string? question, IReadOnlyDictionary<string, string> prefill)
    {
        var e = a.Entry;
        var name = CardText.Escape(e.Name);
        var body = new List<CardElement> { Heading(name) };
        if (!string.IsNullOrWhiteSpace(e.Vendor))
            body.Add(new TextBlock { Text = "by " + CardText.Escape(e.Vendor), IsSubtle = true, Spacing = Spacing.None });
        if (!string.IsNullOrWhiteSpace(question))
            body.Add(new TextBlock { Text = "You asked: " + CardText.Escape(CardText.Truncate(question, 300)), IsSubtle = true, Size = TextSize.Small });

        var (headline, color, explanation) = Verdict(a, name);
        body.Add(new TextBlock { Text = headline, Weight = TextWeight.Bolder, Size = TextSize.Medium, Color = color, Spacing = Spacing.Medium });
        body.Add(Para(explanation));

        if (a.Verdict is UseVerdict.Declined or UseVerdict.Retired)
        {
            if (!string.IsNullOrWhiteSpace(e.DecisionReason))
                body.Add(Para("Why: " + CardText.Escape(e.DecisionReason)));
            body.Add(Para("If things have changed (a different edition, new terms, or a safer way to use it), you can ask the Trust to look at it again with a renewal request."));
        }

        var facts = new List<Fact> { new("Status", PlainWords.Status(e.Status)) };
        if (e.Status is RegisterStatus.Approved or RegisterStatus.ApprovedNoPersonalData)
        {
            facts.Add(new("Personal data", a.DataAllowed ? "Allowed, within the conditions" : "Not allowed: no personal or commercially sensitive data"));
            var users = PlainWords.Users(e.Scope.Users);
            if (e.Scope.MinYearGroup is { } min) users += $" (learners from {UseCheck.YearName(min)})";
            facts.Add(new("Who can use it", users));
            if (e.Scope.UseCategories is { } uses)
                facts.Add(new("Approved uses", string.Join(", ", uses.Select(PlainWords.UseCategory))));
            if (e.Scope.Academies is { } academies)
                facts.Add(new("Academies", CardText.Escape(string.Join(", ", academies))));
            facts.Add(new("Your training", !a.TrainingRequired ? "No tool-specific training needed"
                : a.TrainingDone ? "Completed (recorded)"
                : a.TrainingExpired ? "Expired: complete it again before you use the tool"
                : "Not recorded yet: needed before first use"));
            if (a.TrainingRequired && e.TrainingUrl is { Length: > 0 } url) facts.Add(new("Training", CardText.Escape(url)));
        }
        facts.Add(new("Policy section", "Trust AI policy " + a.PolicySection));
        if (e.ReviewBy is { } review) facts.Add(new("Review date", PlainWords.Date(review)));
        if (e.DecisionReference is { } reference) facts.Add(new("Decision", CardText.Escape(reference)));
        body.Add(new FactSet { Facts = facts, Spacing = Spacing.Medium });

        if (e.Status is RegisterStatus.Approved or RegisterStatus.ApprovedNoPersonalData)
            body.AddRange(Conditions(e.Status == RegisterStatus.ApprovedNoPersonalData
                ? e.Conditions.Append(Policy.ConditionCodes.NoPersonalOrSensitiveData)
                : e.Conditions, "Conditions of use"));

        return new AdaptiveCard { Body = body, Actions = Actions(a, prefill), FallbackText = CardText.Plain($"{e.Name}: {PlainWords.Status(e.Status)}") };
    }

    private static (string Headline, TextColor Color, string Explanation) Verdict(UseAssessment a, string name) => a.Verdict switch
    {
        UseVerdict.Allowed or UseVerdict.AllowedAfterTraining when a.OnlyAtAcademies.Count > 0 => ("Yes, but only at some academies", TextColor.Warning,
            $"{name} is approved only at {string.Join(", ", a.OnlyAtAcademies.Select(CardText.Escape))}. Tell me your academy (\"I'm at …\") and I'll answer for it." +
            (a.Verdict == UseVerdict.AllowedAfterTraining ? " You also need to complete its training before first use (policy 4.2)." : "")),
        UseVerdict.Allowed => ("Yes, you can use it for this", TextColor.Good,
            a.DataAllowed
                ? $"{name} is approved, including for personal data within its scope and conditions."
                : $"{name} is approved for use without personal or commercially sensitive data. Keep names, pupil details and anything confidential out of it."),
        UseVerdict.AllowedAfterTraining when a.TrainingExpired => ("Yes, once you've retrained", TextColor.Warning,
            $"{name} is approved for this, but your training for it has expired (it lasts a set time and ends when the policy changes). Complete it again before you use the tool (policy 4.2), then tell me and I'll record it."),
        UseVerdict.AllowedAfterTraining => ("Yes, once you've completed the training", TextColor.Warning,
            $"{name} is approved for this, but you need to complete its training before first use (policy 4.2). When you have, tell me and I'll record it."),
        UseVerdict.NotForThisUse => ("No: this use is NOT allowed", TextColor.Attention,
            $"{name} is approved, but not for this, because " + string.Join("; and ", a.Gaps.Select(g => CardText.Escape(g.Text))) +
            ". You can ask for this new use to be approved."),
        UseVerdict.UnderReview => ("Not yet: it is under review", TextColor.Warning,
            $"The Trust is reviewing {name}. Until it is approved, don't put any personal or commercially sensitive data into it (policy 3.1). You can add your request so the reviewers know you need it."),
        UseVerdict.ReviewLapsed => ("Not at the moment: its approval is due for review", TextColor.Warning,
            $"The approval of {name} has passed its review date, so it is treated as under review until the Trust renews it. Don't put any personal or commercially sensitive data into it (policy 3.1)."),
        UseVerdict.ChecksPending => ("Not yet: approved, checks pending", TextColor.Warning,
            $"{name} is approved, but it goes live only when its go-live checks are done: {string.Join("; ", a.Entry.ChecksPending.Select(CardText.Escape))}. Until then, don't use it for Trust work."),
        UseVerdict.NotAssessed => ("Not assessed yet", TextColor.Warning,
            $"The Trust has not assessed {name}. Until it has, don't put any personal or commercially sensitive data into it (policy 3.1). You can ask for it to be approved."),
        UseVerdict.Declined => ("No: the Trust declined it", TextColor.Attention,
            $"{name} must not be used for Trust work (policy 3.4)."),
        _ => ("No: it has been retired", TextColor.Attention,
            $"{name} is no longer approved and must not be used for Trust work (policy 3.4)."),
    };

    private static List<CardAction> Actions(UseAssessment a, IReadOnlyDictionary<string, string> prefill)
    {
        var e = a.Entry;
        var actions = new List<CardAction>();
        switch (a.Verdict)
        {
            case UseVerdict.NotForThisUse:
                actions.Add(StartRequest("Request this new use", With(prefill, "newUse"), primary: true));
                break;
            case UseVerdict.Allowed:
            case UseVerdict.AllowedAfterTraining:
                if (a.TrainingRequired && !a.TrainingDone && TrainingLink(e) is { } link) actions.Add(link);
                if (a.TrainingRequired && !a.TrainingDone) actions.Add(RecordTraining(e.Id, e.Name));
                actions.Add(StartRequest("Request a new use", With(prefill, "newUse")));
                break;
            case UseVerdict.ChecksPending:
                break; // approved already: nothing to request, only to wait for
            case UseVerdict.Declined:
            case UseVerdict.Retired:
            case UseVerdict.ReviewLapsed:
                actions.Add(StartRequest("Ask for a re-review", With(prefill, "renewal")));
                break;
            default:
                actions.Add(StartRequest("Request approval", With(prefill, "newTool"), primary: true));
                break;
        }
        actions.Add(Simple("Approved tools", ShowApprovedToolsAction.VerbName));
        return actions;
    }

    /// <summary>The register entry's own training, when it names one (an http(s) address only).</summary>
    public static OpenUrlAction? TrainingLink(RegisterEntry e) =>
        Uri.TryCreate(e.TrainingUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? new OpenUrlAction { Title = "Open the training", Url = uri.AbsoluteUri }
            : null;

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> prefill, string requestType) =>
        new(prefill, StringComparer.Ordinal) { ["requestType"] = requestType };
}
