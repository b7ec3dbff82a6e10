using AiPolicyBot.Policy;
using AiPolicyBot.Register;
using AiPolicyBot.Teams.Cards.Model;
using static AiPolicyBot.Teams.Cards.Conversation.ConversationCardParts;

namespace AiPolicyBot.Teams.Cards.Conversation;

/// <summary>The approved tools in the register, optionally filtered (use, personal data, learners).</summary>
public static class ApprovedToolsCard
{
    public sealed record Filter(UseCategory? Use = null, bool PersonalData = false, bool Learners = false, YearGroup? YoungestYearGroup = null, string? Academy = null)
    {
        public bool IsEmpty => Use is null && !PersonalData && !Learners && Academy is null;
    }

    public static IReadOnlyList<RegisterEntry> Select(RegisterSnapshot register, Filter filter, DateOnly today) =>
        register.Entries
            .Where(e => e.Status is RegisterStatus.Approved or RegisterStatus.ApprovedNoPersonalData)
            .Where(e => e.ReviewBy is null || e.ReviewBy >= today)
            .Where(e => filter.Use is null || e.Scope.UseCategories is null || e.Scope.UseCategories.Contains(filter.Use.Value))
            .Where(e => !filter.PersonalData || (e.Status == RegisterStatus.Approved && (e.Scope.DataAllowed ?? true)))
            .Where(e => !filter.Learners || e.Scope.Users is null or UserGroup.Learners or UserGroup.StaffAndLearners)
            .Where(e => !filter.Learners || filter.YoungestYearGroup is not { } y || e.Scope.MinYearGroup is not { } min || y.YoungestAge() >= min.YoungestAge())
            // At one academy: entries for every academy or listing it; trust-wide ("trust"): entries for every academy.
            .Where(e => filter.Academy is null || e.Scope.Academies is not { Count: > 0 } only || only.Contains(filter.Academy, StringComparer.OrdinalIgnoreCase))
            .OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

    public static AdaptiveCard Build(IReadOnlyList<RegisterEntry> tools, Filter filter)
    {
        var title = "Approved AI tools" + Describe(filter);
        var body = new List<CardElement> { Heading(title) };
        if (tools.Count == 0)
        {
            body.Add(Para("No approved tool covers that yet. You can ask for one to be approved."));
        }
        else
        {
            body.Add(Para("Each tool has conditions; ask me \"can I use <tool> for …?\" for the details.", subtle: true));
            foreach (var e in tools)
            {
                var who = PlainWords.Users(e.Scope.Users) + (e.Scope.MinYearGroup is { } min ? $" (learners from {UseCheck.YearName(min)})" : "");
                var data = e.Status == RegisterStatus.Approved && (e.Scope.DataAllowed ?? true) ? "personal data allowed within its conditions" : "no personal data";
                body.Add(new TextBlock
                {
                    Text = $"- **{CardText.Escape(e.Name)}**: {who}; {data}" +
                    (e.Conditions.Contains(ConditionCodes.TrainingBeforeFirstUse) ? "; training before first use" : ""),
                    Spacing = Spacing.Small
                });
            }
        }
        body.Add(Para("Anything not listed: don't put personal or commercially sensitive data into it until it is approved (policy 3.1).", subtle: true));
        return new AdaptiveCard
        {
            Body = body,
            Actions = [StartRequest("Request a tool", new Dictionary<string, string>())],
            FallbackText = title,
        };
    }

    private static string Describe(Filter f)
    {
        var parts = new List<string>();
        if (f.Use is { } u) parts.Add("for " + PlainWords.UseCategory(u).ToLowerInvariant());
        if (f.PersonalData) parts.Add("with personal data");
        if (f.Academy is { } academy) parts.Add(academy == "trust" ? "across the trust" : "at " + academy);
        if (f.Learners) parts.Add(f.YoungestYearGroup is { } y ? $"for learners in {UseCheck.YearName(y)}" : "for learners");
        return parts.Count == 0 ? "" : " " + string.Join(", ", parts);
    }
}
