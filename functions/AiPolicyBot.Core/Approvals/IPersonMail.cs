namespace AiPolicyBot.Approvals;

/// <summary>A person's email address from their Entra object id (Graph users/{id}: mail, else userPrincipalName).</summary>
public interface IPersonMail
{
    /// <summary>Null when the directory has no address for them.</summary>
    Task<string?> AddressOfAsync(string userId, CancellationToken ct);
}
