using AiPolicyBot.Approvals;
using AiPolicyBot.Policy;
using AiPolicyBot.Register;
using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Approvals.Cards;
using AiPolicyBot.Teams.Cards;

namespace AiPolicyBot.Teams.Approvals;

/// <summary>The plain-English Teams messages of the approval flow (Markdown; user text escaped).</summary>
public static class ApprovalMessages
{
    public static string ToRequester(ToolRequest r)
    {
        var tool = CardText.Escape(r.Intake.ToolName);
        switch (r.State)
        {
            case RequestState.Approved:
                var conditions = RegisterDecision.ConditionsOf(r);
                var lines = new List<string> { $"**Approved:** your request {r.Reference} for {tool} was approved." };
                if (conditions.Count > 0)
                    lines.Add("Conditions:\n\n" + string.Join("\n", conditions.Select(c => "- " + ConditionDescriptions.Describe(c))));
                if (conditions.Contains(ConditionCodes.TrainingBeforeFirstUse))
                    lines.Add("**Training needed:** complete the Trust AI training before you first use the tool; until then it is not approved for you.");
                return string.Join("\n\n", lines);
            case RequestState.Rejected:
                var reason = r.Decisions.LastOrDefault(d => d.Kind == DecisionKind.Reject);
                return $"**Rejected:** your request {r.Reference} for {tool} was not approved. Reason ({reason?.Role}): {CardText.Escape(reason?.Comment)}";
            case RequestState.MoreInformationRequested when r.OpenQuestion is { } q:
                return $"**Question about {r.Reference}** ({tool}) from the {q.Role}: {CardText.Escape(q.Question)}\n\nAnswer it on the request card.";
            case RequestState.Expired:
                return $"**Expired:** nobody decided on {r.Reference} ({tool}) in time. You can submit it again.";
            default:
                return $"{r.Reference} ({tool}): {ApprovalCardBuilder.StatusPlain(r)}.";
        }
    }

    public static string InstallNeeded(ToolRequest r) =>
        $"**Install needed:** {r.Reference} ({CardText.Escape(r.Intake.ToolName)}) for {CardText.Escape(r.RequesterName)} was approved; IT packages and deploys it (policy 4.3).";

    public static string Reminder(ToolRequest r) =>
        $"**Reminder:** request {r.Reference} ({CardText.Escape(r.Intake.ToolName)}) from {CardText.Escape(r.RequesterName)} is waiting for your decision since {r.SubmittedAt:d MMM yyyy}.";

    public static string AnswerReceived(ToolRequest r) =>
        $"**Answer received** on {r.Reference} ({CardText.Escape(r.Intake.ToolName)}): {CardText.Escape(r.AnsweredQuestions is [.., var last] ? last.Answer : null)}";

    public static string PossibleIncident(ToolRequest r) =>
        $"**Possible data incident – {r.Reference}:** {CardText.Escape(r.RequesterName)} said they may already have entered personal or commercially sensitive data into {CardText.Escape(r.Intake.ToolName)}, which is not approved. Please review it now (the ICO 72-hour clock may have started) and record your decision, including a decision not to report.";

    public static string ReviewDue(RegisterEntry entry, DateOnly reviewBy, int daysLeft) =>
        $"**Review due:** {CardText.Escape(entry.Name)} must be re-reviewed by {reviewBy:d MMM yyyy} ({daysLeft} days). " +
        "After that date it is under review and staff are no longer told it is approved.";
}
