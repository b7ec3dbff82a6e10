using AiPolicyBot.Approvals;
using AiPolicyBot.Infrastructure.Mail;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;

namespace AiPolicyBot.Infrastructure.Approvals;

/// <summary>
/// <see cref="ITeamsAppInstaller"/> over Graph (docs/deploy.md: TeamsAppInstallation.ReadWriteForUser.All, the app in
/// the tenant catalog): find the person's installation of the app (teamsApp/id eq the catalog id), install it when
/// missing (POST users/{id}/teamwork/installedApps with teamsApp@odata.bind; 409 = installed meanwhile), then read
/// the installation's chat, the 1:1 chat with the bot. 403 and 404 are for good; 429 and 5xx are worth a retry (the
/// SDK has already retried them once the safe way).
/// </summary>
public sealed class GraphTeamsAppInstaller(GraphMailClient graph, TeamsAppOptions options, ILogger<GraphTeamsAppInstaller> logger) : ITeamsAppInstaller
{
    public async Task<TeamsInstall> InstallForUserAsync(string userId, CancellationToken ct)
    {
        if (options.CatalogAppId is not { Length: > 0 } catalogId || !Guid.TryParse(catalogId, out _) || !IsObjectId(userId))
            return TeamsInstall.Refused;
        var apps = graph.Client.Users[userId].Teamwork.InstalledApps;
        try
        {
            var installationId = await FindAsync(userId, catalogId, ct);
            if (installationId is null)
            {
                try
                {
                    await apps.PostAsync(new UserScopeTeamsAppInstallation
                    {
                        AdditionalData = new Dictionary<string, object> { ["teamsApp@odata.bind"] = $"{graph.Client.RequestAdapter.BaseUrl}/appCatalogs/teamsApps/{catalogId}" },
                    }, cancellationToken: ct);
                }
                catch (ApiException e) when (e.ResponseStatusCode == 409)
                {
                    // installed meanwhile
                }
                installationId = await FindAsync(userId, catalogId, ct);
                if (installationId is null) return TeamsInstall.Failed; // not visible yet: try again later
            }
            var chat = await apps[installationId].Chat.GetAsync(cancellationToken: ct);
            return chat?.Id is { Length: > 0 } chatId ? new TeamsInstall(TeamsInstallStatus.Installed, chatId) : TeamsInstall.Failed;
        }
        catch (ApiException e) when (e.ResponseStatusCode is 400 or 401 or 403 or 404)
        {
            logger.LogWarning("Graph refused to install the app for a person ({Status})", e.ResponseStatusCode);
            return TeamsInstall.Refused;
        }
        catch (ApiException e)
        {
            logger.LogWarning("Graph could not install the app for a person now ({Status})", e.ResponseStatusCode);
            return TeamsInstall.Failed;
        }
        catch (HttpRequestException)
        {
            return TeamsInstall.Failed;
        }
    }

    /// <summary>An object id's characters only (hex and dashes): nothing else goes into a Graph path.</summary>
    internal static bool IsObjectId(string id) => id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiHexDigit(c) || c == '-');

    private async Task<string?> FindAsync(string userId, string catalogId, CancellationToken ct)
    {
        var found = await graph.Client.Users[userId].Teamwork.InstalledApps.GetAsync(r =>
        {
            r.QueryParameters.Filter = $"teamsApp/id eq '{catalogId}'";
            r.QueryParameters.Expand = ["teamsApp"];
        }, ct);
        return found?.Value?.FirstOrDefault()?.Id;
    }
}
