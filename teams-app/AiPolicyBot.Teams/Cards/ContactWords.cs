namespace AiPolicyBot.Teams.Cards;

/// <summary>Contact phrases built from configured addresses, so no text ever names a placeholder mailbox.</summary>
public static class ContactWords
{
    /// <summary>"email X, or " when an address is configured; "" otherwise (the sentence then names the local lead).</summary>
    public static string EmailOr(string? address) =>
        string.IsNullOrWhiteSpace(address) ? "" : $"email {CardText.Escape(address)}, or ";
}
