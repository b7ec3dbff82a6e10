using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace AiPolicyBot.Teams.Protocol.Connector;

/// <summary>
/// UserAssignedMSI: a managed-identity token for resource https://api.botframework.com, the identity being the bot's
/// App ID (the MI client id). No secret to expire. MSAL caches the token.
/// </summary>
public sealed class ManagedIdentityConnectorTokenProvider(IOptions<BotOptions> options) : IConnectorTokenProvider
{
    public const string Resource = "https://api.botframework.com";

    private readonly Lazy<IManagedIdentityApplication> _app = new(() =>
    {
        var appId = options.Value.AppId;
        if (string.IsNullOrEmpty(appId))
        {
            throw new InvalidOperationException("Bot:AppId (the managed identity's client id) is required for UserAssignedMSI.");
        }

        return ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(appId)).Build();
    });

    public async Task<string> GetTokenAsync(bool forceRefresh, CancellationToken ct)
    {
        var result = await _app.Value.AcquireTokenForManagedIdentity(Resource).WithForceRefresh(forceRefresh).ExecuteAsync(ct);
        return result.AccessToken;
    }
}
