using AiPolicyBot.Testing.Identity;
using Microsoft.IdentityModel.Tokens;

namespace AiPolicyBot.Hosting.Tests.Messages;

/// <summary>
/// One fake OpenID endpoint (test RSA keys: endorsed for msteams, for webchat only, and without endorsements) and two
/// hosts: local-development exception off and on (both in Development).
/// </summary>
public sealed class MessagesAuthFixture : IAsyncLifetime
{
    public FakeOpenIdServer OpenId { get; private set; } = null!;
    public RsaSecurityKey TeamsKey { get; } = FakeOpenIdServer.NewKey("key-teams");
    public RsaSecurityKey WebchatOnlyKey { get; } = FakeOpenIdServer.NewKey("key-webchat");
    public RsaSecurityKey UnendorsedKey { get; } = FakeOpenIdServer.NewKey("key-unendorsed");
    public BotHostFactory Strict { get; private set; } = null!;
    public BotHostFactory LocalMode { get; private set; } = null!;

    public Dictionary<string, string?> Settings(bool allowLocal)
    {
        // Outside Development the host refuses to start without a complete approver directory and real contacts.
        var settings = OutsideDevelopment.Settings();
        settings["Bot:AppId"] = TestTokens.AppId;
        settings["Bot:TenantId"] = TestTokens.TenantId;
        settings["Bot:OpenIdMetadataUrl"] = OpenId.MetadataUrl;
        settings["Bot:AllowUnauthenticatedLocal"] = allowLocal ? "true" : "false";
        return settings;
    }

    public async Task InitializeAsync()
    {
        OpenId = await FakeOpenIdServer.StartAsync();
        OpenId.Publish(TeamsKey, "msteams", "skype");
        OpenId.Publish(WebchatOnlyKey, "webchat");
        OpenId.Publish(UnendorsedKey, null);
        Strict = new BotHostFactory(Settings(allowLocal: false));
        LocalMode = new BotHostFactory(Settings(allowLocal: true));
    }

    public async Task DisposeAsync()
    {
        await Strict.DisposeAsync();
        await LocalMode.DisposeAsync();
        await OpenId.DisposeAsync();
    }
}
