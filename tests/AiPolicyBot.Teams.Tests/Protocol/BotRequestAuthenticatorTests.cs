using AiPolicyBot.Teams.Protocol;
using AiPolicyBot.Teams.Protocol.Auth;
using AiPolicyBot.Teams.Tests.Support;
using AiPolicyBot.Testing.Identity;
using Microsoft.IdentityModel.Tokens;

namespace AiPolicyBot.Teams.Tests.Protocol;

/// <summary>
/// Key caching and refresh, the Entra path and channel allow-listing, against a fake metadata endpoint on loopback.
/// (The 401 matrix through the real endpoint is in AiPolicyBot.Hosting.Tests.)
/// </summary>
public sealed class BotRequestAuthenticatorTests() : AuthenticatorTestBase("msteams", "webchat")
{
    private static Activity Message(string channelId = "msteams", string serviceUrl = TestTokens.ServiceUrl) =>
        new() { Type = "message", ChannelId = channelId, ServiceUrl = serviceUrl };

    private static Task<AuthResult> Auth(BotRequestAuthenticator auth, string token, Activity? activity = null, bool loopback = false) =>
        auth.AuthenticateAsync("Bearer " + token, activity ?? Message(), loopback, CancellationToken.None);

    [Fact]
    public async Task Valid_channel_token_is_accepted_and_keys_are_fetched_once()
    {
        var auth = Create();
        Assert.Equal(AuthMode.Channel, (await Auth(auth, TestTokens.Channel(Key))).Mode);
        Assert.Equal(AuthMode.Channel, (await Auth(auth, TestTokens.Channel(Key))).Mode);
        Assert.Equal(1, Server.KeysHits);
    }

    [Fact]
    public async Task A_newly_published_key_is_picked_up_by_a_forced_refresh()
    {
        var auth = Create();
        Assert.True((await Auth(auth, TestTokens.Channel(Key))).IsAuthenticated);
        var rotated = FakeOpenIdServer.NewKey("key-2");
        Server.Publish(rotated, "msteams");

        Assert.True((await Auth(auth, TestTokens.Channel(rotated))).IsAuthenticated);
        Assert.Equal(2, Server.KeysHits);
    }

    [Fact]
    public async Task Unknown_key_ids_force_at_most_one_refresh_per_five_minutes()
    {
        var auth = Create();
        var stranger = FakeOpenIdServer.NewKey("never-published");
        Assert.False((await Auth(auth, TestTokens.Channel(stranger))).IsAuthenticated);
        Assert.Equal(2, Server.KeysHits); // initial load + one forced refresh

        for (var i = 0; i < 5; i++)
        {
            Assert.False((await Auth(auth, TestTokens.Channel(stranger))).IsAuthenticated);
        }

        Assert.Equal(2, Server.KeysHits);

        Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.False((await Auth(auth, TestTokens.Channel(stranger))).IsAuthenticated);
        Assert.Equal(3, Server.KeysHits);
    }

    [Fact]
    public async Task Keys_are_refreshed_after_twelve_hours()
    {
        var auth = Create();
        await Auth(auth, TestTokens.Channel(Key));
        Clock.Advance(TimeSpan.FromHours(11));
        await Auth(auth, TestTokens.Channel(Key));
        Assert.Equal(1, Server.KeysHits);
        Clock.Advance(TimeSpan.FromHours(1));
        await Auth(auth, TestTokens.Channel(Key));
        Assert.Equal(2, Server.KeysHits);
    }

    [Theory]
    [InlineData("webchat")]   // endorsed by the key, but not a channel we serve
    [InlineData("")]          // empty channelId is never accepted (botbuilder would skip the endorsement check)
    public async Task Channels_outside_the_allow_list_are_rejected(string channelId)
    {
        Assert.False((await Auth(Create(), TestTokens.Channel(Key), Message(channelId))).IsAuthenticated);
    }

    [Fact]
    public async Task Endorsement_is_checked_against_the_activitys_own_channel()
    {
        var outlookOnly = FakeOpenIdServer.NewKey("outlook-only");
        Server.Publish(outlookOnly, "outlook");
        var auth = Create(o => o.AllowedChannelIds = ["msteams", "outlook"]);
        Assert.True((await Auth(auth, TestTokens.Channel(outlookOnly), Message("outlook"))).IsAuthenticated);
        Assert.False((await Auth(auth, TestTokens.Channel(outlookOnly), Message("msteams"))).IsAuthenticated);
    }

    [Fact]
    public void A_pinned_bot_serves_only_its_tenants()
    {
        var pinned = Create(o => o.AllowedTenantIds = [TestTokens.TenantId]);
        Assert.True(pinned.ServesTenant(TestTokens.TenantId.ToUpperInvariant()));
        Assert.False(pinned.ServesTenant("00000000-0000-4000-8000-000000000bad"));
        Assert.False(pinned.ServesTenant(null));
        Assert.True(Create().ServesTenant(null));
    }

    private string EntraToken(string issuer, string callerClaim, string caller, string ver = "2.0", IDictionary<string, object>? claims = null,
        string? serviceUrl = null)
    {
        var all = new Dictionary<string, object> { ["ver"] = ver, [callerClaim] = caller, ["tid"] = TestTokens.TenantId, ["idtyp"] = "app" };
        foreach (var (name, value) in claims ?? new Dictionary<string, object>()) all[name] = value;
        return TestTokens.Channel(Key, issuer: issuer, serviceUrl: serviceUrl, extraClaims: all);
    }

    private static readonly string V2Issuer = $"https://login.microsoftonline.com/{TestTokens.TenantId}/v2.0";

    [Fact]
    public async Task Entra_path_accepts_only_app_tokens_whose_signed_serviceurl_matches()
    {
        Assert.Equal(AuthMode.Entra, (await Auth(EntraEnabled(), EntraToken(V2Issuer, "azp", TestTokens.AppId, serviceUrl: TestTokens.ServiceUrl))).Mode);

        var delegated = EntraToken(V2Issuer, "azp", TestTokens.AppId, claims: new Dictionary<string, object> { ["scp"] = "access_as_user" });
        Assert.False((await Auth(EntraEnabled(), delegated)).IsAuthenticated);
        var userType = EntraToken(V2Issuer, "azp", TestTokens.AppId, claims: new Dictionary<string, object> { ["idtyp"] = "user" });
        Assert.False((await Auth(EntraEnabled(), userType)).IsAuthenticated);
        var noType = TestTokens.Channel(Key, issuer: V2Issuer, serviceUrl: null,
            extraClaims: new Dictionary<string, object> { ["ver"] = "2.0", ["azp"] = TestTokens.AppId, ["tid"] = TestTokens.TenantId });
        Assert.False((await Auth(EntraEnabled(), noType)).IsAuthenticated);
        var elsewhere = EntraToken(V2Issuer, "azp", TestTokens.AppId, serviceUrl: "https://smba.trafficmanager.net/emea/");
        Assert.False((await Auth(EntraEnabled(), elsewhere)).IsAuthenticated);
    }

    private BotRequestAuthenticator EntraEnabled() => Create(o =>
    {
        o.EnableEntraTokens = true;
        o.EntraOpenIdMetadataUrl = Server.MetadataUrl;
    });

    [Fact]
    public async Task Entra_token_from_our_tenant_holding_our_app_id_is_accepted_when_enabled()
    {
        var v2 = EntraToken($"https://login.microsoftonline.com/{TestTokens.TenantId}/v2.0", "azp", TestTokens.AppId);
        var v1 = EntraToken($"https://sts.windows.net/{TestTokens.TenantId}/", "appid", TestTokens.AppId, ver: "1.0");
        Assert.Equal(AuthMode.Entra, (await Auth(EntraEnabled(), v2)).Mode);
        Assert.Equal(AuthMode.Entra, (await Auth(EntraEnabled(), v1)).Mode);
    }

    [Fact]
    public async Task Entra_tokens_are_rejected_when_disabled_from_another_tenant_or_another_caller()
    {
        var good = EntraToken($"https://login.microsoftonline.com/{TestTokens.TenantId}/v2.0", "azp", TestTokens.AppId);
        Assert.False((await Auth(Create(), good)).IsAuthenticated);

        var otherTenant = EntraToken("https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0", "azp", TestTokens.AppId);
        Assert.False((await Auth(EntraEnabled(), otherTenant)).IsAuthenticated);

        var otherCaller = EntraToken($"https://login.microsoftonline.com/{TestTokens.TenantId}/v2.0", "azp", TestTokens.OtherAppId);
        Assert.False((await Auth(EntraEnabled(), otherCaller)).IsAuthenticated);

        var v1WithAzpOnly = EntraToken($"https://sts.windows.net/{TestTokens.TenantId}/", "azp", TestTokens.AppId, ver: "1.0");
        Assert.False((await Auth(EntraEnabled(), v1WithAzpOnly)).IsAuthenticated);
    }

    [Fact]
    public async Task Local_exception_needs_setting_development_loopback_caller_and_loopback_service_url()
    {
        const string local = "http://localhost:22011/_connector";
        async Task<AuthMode> NoToken(BotRequestAuthenticator a, bool loopback, string serviceUrl) =>
            (await a.AuthenticateAsync(null, Message(serviceUrl: serviceUrl), loopback, CancellationToken.None)).Mode;

        var on = Create(o => o.AllowUnauthenticatedLocal = true, "Development");
        Assert.Equal(AuthMode.LocalUnauthenticated, await NoToken(on, true, local));
        Assert.Equal(AuthMode.LocalUnauthenticated, await NoToken(on, true, "http://127.0.0.1:22011/_connector"));
        Assert.Equal(AuthMode.Rejected, await NoToken(on, false, local));
        Assert.Equal(AuthMode.Rejected, await NoToken(on, true, TestTokens.ServiceUrl));
        Assert.Equal(AuthMode.Rejected, await NoToken(on, true, "http://localhost.evil.example/_connector"));
        Assert.Equal(AuthMode.Rejected, await NoToken(Create(o => o.AllowUnauthenticatedLocal = false, "Development"), true, local));
        Assert.Equal(AuthMode.Rejected, await NoToken(Create(o => o.AllowUnauthenticatedLocal = true, "Production"), true, local));
    }
}
