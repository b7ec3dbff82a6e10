using AiPolicyBot.Teams.Cards.Model;

namespace AiPolicyBot.Teams.Approvals.Cards;

/// <summary>
/// What someone who may not see a request gets for any reference, existing or not (docs/security.md): the same
/// words every time, no reference, no refresh, nothing that tells one request from another or from none.
/// </summary>
public static class NotYoursCard
{
    public const string Text = "This request is not one you can see. Only the person who asked, its approvers and Information Assurance can.";

    public static AdaptiveCard Build() => new()
    {
        FallbackText = Text,
        Body = [new TextBlock { Text = Text }],
    };
}
