using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AiPolicyBot.Hosting.Tab;
using AiPolicyBot.Hosting.Tests.Messages;
using AiPolicyBot.Testing.Hosts;
using AiPolicyBot.Testing.Identity;

namespace AiPolicyBot.Hosting.Tests.Register;

/// <summary>
/// The tab's sign-in: the Teams SSO bearer is checked for signature (tenant keys), issuer, audience, lifetime, an
/// allowed tid, the access_as_user scope and roles; the local demo sign-in works only in Development from loopback,
/// and start-up refuses it (and placeholder contacts) anywhere else.
/// </summary>
public class TabSignInTests(RegisterHostFixture f) : IClassFixture<RegisterHostFixture>
{
    private async Task<HttpStatusCode> MeAsync(string token)
    {
        var client = f.Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.GetAsync("/api/tab/me")).StatusCode;
    }

    [Fact]
    public async Task A_valid_teams_token_signs_in_with_its_roles()
    {
        var client = f.Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", f.Token("oid-1", ["Register.Admin", "Reports.Read"]));
        var me = JsonNode.Parse(await client.GetStringAsync("/api/tab/me"))!;
        Assert.Equal("oid-1", (string)me["id"]!);
        Assert.True((bool)me["isAdmin"]!);
        Assert.True((bool)me["canReadReports"]!);
        // The Application ID URI is an accepted audience too (v1 tokens).
        Assert.Equal(HttpStatusCode.OK, await MeAsync(f.Token("oid-1", [], audience: RegisterHostFixture.AppIdUri)));
    }

    [Fact]
    public async Task Tokens_that_fail_any_check_are_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(f.Token("oid-1", [], tenant: RegisterHostFixture.OtherTenant)));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(f.Token("oid-1", [], audience: TestTokens.OtherAppId)));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(f.Token("oid-1", [], key: f.UnpublishedKey)));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(f.Token("oid-1", [], expires: DateTime.UtcNow.AddMinutes(-30))));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(f.Token("oid-1", [], scope: "User.Read")));
        // A token from an allowed tenant's issuer but claiming another tid.
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(f.Token("oid-1", [], tenant: RegisterHostFixture.OtherTenant, issuerTenant: TestTokens.TenantId)));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(TestTokens.Tampered(f.Token("oid-1", []), "oid", "someone-else")));
    }

    [Fact]
    public async Task Local_sign_in_works_only_from_loopback_in_development()
    {
        var local = f.Host.CreateClient();
        local.DefaultRequestHeaders.Add(LocalSignIn.HeaderName, RegisterHostFixture.Admin);
        Assert.Equal(HttpStatusCode.OK, (await local.GetAsync("/api/register")).StatusCode);

        var remote = f.Host.CreateClient();
        remote.DefaultRequestHeaders.Add(LocalSignIn.HeaderName, RegisterHostFixture.Admin);
        remote.DefaultRequestHeaders.Add(RemoteIpFilter.Header, "203.0.113.9");
        Assert.Equal(HttpStatusCode.Unauthorized, (await remote.GetAsync("/api/register")).StatusCode);
        var config = JsonNode.Parse(await remote.GetStringAsync("/api/tab/config"))!;
        Assert.False((bool)config["localSignIn"]!);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Start_up_refuses_the_local_sign_in_outside_development(string environment)
    {
        var settings = RegisterHostFixture.ProductionSettings();
        settings["Tab:LocalSignIn"] = "true";
        using var host = new BotHostFactory(settings, environment);
        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());
        Assert.Contains("Tab:LocalSignIn", error.ToString());
    }

    [Theory]
    [InlineData("Contacts:InformationAssuranceEmail", "information.assurance@trust.example")]
    [InlineData("Contacts:DpoEmail", "")]
    [InlineData("Contacts:PolicyUrl", "http://intranet.trust.org.uk/ai")]
    [InlineData("Contacts:ComplaintsContact", "complaints@localhost")]
    public void Start_up_refuses_placeholder_or_missing_contacts_outside_development(string key, string value)
    {
        var settings = RegisterHostFixture.ProductionSettings();
        settings[key] = value;
        using var host = new BotHostFactory(settings, "Production");
        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());
        Assert.Contains(key, error.ToString());
    }
}

/// <summary>"Done when": a host outside Development with an empty table serves no invented register.</summary>
public class ProductionRegisterTests(RegisterHostFixture f) : IClassFixture<RegisterHostFixture>
{
    [Fact]
    public async Task Outside_development_the_register_starts_empty_and_an_import_fills_it()
    {
        var settings = RegisterHostFixture.ProductionSettings();
        foreach (var (k, v) in f.Settings()) settings[k] = v;
        using var host = new BotHostFactory(settings, "Production");
        var admin = host.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", f.Token("oid-admin", ["Register.Admin"]));
        var view = JsonNode.Parse(await admin.GetStringAsync("/api/tab/register"))!;
        Assert.Empty(view["entries"]!.AsArray());
        Assert.Equal("[]", await admin.GetStringAsync("/api/register"));

        var csv = "id,name,status,users\ntrust-copilot,Microsoft 365 Copilot Chat,approved,staff\n";
        var imported = await admin.PostAsync("/api/register/import?name=day-one.csv", new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        view = JsonNode.Parse(await admin.GetStringAsync("/api/tab/register"))!;
        Assert.Equal("trust-copilot", (string)view["entries"]!.AsArray().Single()!["id"]!);
    }
}
