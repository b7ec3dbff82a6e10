using System.Net.Http.Headers;
using AiPolicyBot.Hosting.Tests.Messages;
using AiPolicyBot.Testing.Identity;
using Microsoft.IdentityModel.Tokens;

namespace AiPolicyBot.Hosting.Tests.Register;

/// <summary>
/// A local host (Development, tables of its own on the test Azurite) whose tab sign-in trusts a fake Entra on
/// loopback, plus helpers to mint tab tokens: the Teams SSO token shape (tid, oid, scp access_as_user, roles).
/// </summary>
public sealed class RegisterHostFixture : IAsyncLifetime
{
    public const string ClientId = "3c3c3c3c-0000-4000-8000-0000000a7ab0";
    public const string AppIdUri = "api://aipolicybot.example.net/" + ClientId;
    public const string OtherTenant = "0b0b0b0b-0000-4000-8000-0000000bad00";
    public const string AdminKey = "register-tests-admin-key";
    public const string Admin = "00000000-0000-0000-0000-000000000a01";
    public const string SecondAdmin = "00000000-0000-0000-0000-000000000a02";
    public const string Staff = "00000000-0000-0000-0000-000000000a03";

    public FakeOpenIdServer OpenId { get; private set; } = null!;
    public RsaSecurityKey Key { get; } = FakeOpenIdServer.NewKey("tab-key");
    public RsaSecurityKey UnpublishedKey { get; } = FakeOpenIdServer.NewKey("not-published");
    public BotHostFactory Host { get; private set; } = null!;

    public Dictionary<string, string?> Settings() => new()
    {
        ["Bot:TenantId"] = TestTokens.TenantId,
        ["Tab:ClientId"] = ClientId,
        ["Tab:ApplicationIdUri"] = AppIdUri,
        ["Tab:OpenIdMetadataUrl"] = OpenId.MetadataUrl,
        ["Admin:Key"] = AdminKey,
        // Each host seals its own audit heads: a shared seal would name other hosts' streams.
        ["AuditSeal:File"] = SealFile,
    };

    public string SealFile { get; } = Path.Combine(Path.GetTempPath(), "aipolicybot-seal-" + Guid.NewGuid().ToString("N"), "audit-seal.jsonl");

    /// <summary>What a host needs to start outside Development (bot identity, approvers, real contacts).</summary>
    public static Dictionary<string, string?> ProductionSettings()
    {
        var settings = OutsideDevelopment.Settings();
        settings["Bot:AppId"] = TestTokens.AppId;
        settings["Bot:TenantId"] = TestTokens.TenantId;
        settings["Bot:OpenIdMetadataUrl"] = "http://127.0.0.1:9/.well-known/openidconfiguration";
        return settings;
    }

    public async Task InitializeAsync()
    {
        OpenId = await FakeOpenIdServer.StartAsync();
        OpenId.Publish(Key, null);
        Host = new BotHostFactory(Settings());
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await OpenId.DisposeAsync();
    }

    /// <summary>A client of the host signed in as <paramref name="oid"/> with <paramref name="roles"/> (a tab token).</summary>
    public HttpClient ClientAs(string oid, params string[] roles)
    {
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(oid, roles));
        return client;
    }

    /// <summary>A tab token as Teams SSO issues it (v2 issuer, audience our client id).</summary>
    public string Token(string oid, string[] roles, string? tenant = null, string? audience = null, string scope = "access_as_user",
        RsaSecurityKey? key = null, DateTime? expires = null, string? issuerTenant = null)
    {
        var tid = tenant ?? TestTokens.TenantId;
        var claims = new Dictionary<string, object> { ["tid"] = tid, ["oid"] = oid, ["name"] = "Test Person", ["ver"] = "2.0" };
        if (scope.Length > 0) claims["scp"] = scope;
        if (roles.Length > 0) claims["roles"] = roles;
        return TestTokens.Channel(key ?? Key, issuer: $"https://login.microsoftonline.com/{issuerTenant ?? tid}/v2.0",
            audience: audience ?? ClientId, serviceUrl: null, expires: expires, extraClaims: claims);
    }
}
