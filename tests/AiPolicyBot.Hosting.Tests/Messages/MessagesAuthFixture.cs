using AiPolicyBot.Teams.Tests.Support;
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

    public Dictionary<string, string?> Settings(bool allowLocal) => new()
    {
        ["Bot:AppId"] = TestTokens.AppId,
        ["Bot:TenantId"] = TestTokens.TenantId,
        ["Bot:OpenIdMetadataUrl"] = OpenId.MetadataUrl,
        ["Bot:AllowUnauthenticatedLocal"] = allowLocal ? "true" : "false",
        // Required outside Development; the test tokens' activities come from this tenant.
        ["Bot:AllowedTenantIds:0"] = TestTokens.TenantId,
        // Outside Development the host refuses to start without a complete approver directory.
        ["Approvers:CIO"] = "00000000-0000-0000-0000-00000000c101",
        ["Approvers:CDO"] = "00000000-0000-0000-0000-00000000cd01",
        ["Approvers:DPO"] = "00000000-0000-0000-0000-00000000d901",
        ["Approvers:IT"] = "00000000-0000-0000-0000-0000000017e1",
    };

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
