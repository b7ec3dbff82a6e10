using AiPolicyBot.Register;

namespace AiPolicyBot.Triage.Inbox;

/// <summary>
/// A draft answer to a policy question, from the register (docs/spec/triage.md: a person sends it).
/// Never sent automatically: it is stored on the triage record and shown on the triage card.
/// </summary>
public static class SuggestedAnswer
{
    public static string For(TextMatch match)
    {
        if (match.Entry is not { } e)
        {
            var unknown = match.UnknownToolName is { } n ? $"{n} is not in the AI tool register yet. " : "";
            return unknown + "Tools not in the register must be approved before use (AI policy §4). "
                   + "Ask AiPolicyBot in Teams (\"can I use …?\") to check a tool or to start a request.";
        }
        var status = e.Status switch
        {
            RegisterStatus.Approved => $"{e.Name} is approved for use within its scope.",
            RegisterStatus.ApprovedNoPersonalData => $"{e.Name} is approved, but never with personal or commercially sensitive data.",
            RegisterStatus.UnderReview => $"{e.Name} is under review; please do not use it until a decision is made.",
            RegisterStatus.Declined => $"{e.Name} was declined and must not be used" + (e.DecisionReason is { } r ? $" ({r})." : "."),
            RegisterStatus.Retired => $"{e.Name} has been retired from the register and should no longer be used.",
            _ => $"{e.Name} has not been assessed yet; it needs approval before use.",
        };
        var conditions = e.Conditions.Count == 0 ? "" : " Conditions: " + string.Join(", ", e.Conditions) + ".";
        return status + conditions + " For anything else, ask AiPolicyBot in Teams (\"can I use …?\").";
    }
}
