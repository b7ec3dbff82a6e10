using AiPolicyBot.Approvals;
using AiPolicyBot.Infrastructure.Mail;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;

namespace AiPolicyBot.Infrastructure.Approvals;

/// <summary><see cref="IPersonMail"/> over Graph users/{id} ($select mail, userPrincipalName; User.Read.All).</summary>
public sealed class GraphPersonMail(GraphMailClient graph) : IPersonMail
{
    public async Task<string?> AddressOfAsync(string userId, CancellationToken ct)
    {
        if (!GraphTeamsAppInstaller.IsObjectId(userId)) return null;
        try
        {
            var user = await graph.Client.Users[userId].GetAsync(r => r.QueryParameters.Select = ["mail", "userPrincipalName"], ct);
            return user?.Mail is { Length: > 0 } mail ? mail : user?.UserPrincipalName;
        }
        catch (ApiException e) when (e.ResponseStatusCode == 404)
        {
            return null;
        }
    }
}
