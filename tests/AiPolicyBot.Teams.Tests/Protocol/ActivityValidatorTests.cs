using System.Text.Json;
using AiPolicyBot.Common;
using AiPolicyBot.Teams.Protocol;
using AiPolicyBot.Teams.Protocol.Auth;
using AiPolicyBot.Testing.Hosts;
using AiPolicyBot.Testing.Identity;

namespace AiPolicyBot.Teams.Tests.Protocol;

/// <summary>The edge's shape check: what real Teams sends passes, what broke handlers, the connector or storage does not.</summary>
public sealed class ActivityValidatorTests
{
    private static Activity Parse(string json) => JsonSerializer.Deserialize<Activity>(json, AiPolicyJson.Options)!;

    private static IEnumerable<string> Fields(Activity a) => ActivityValidator.Validate(a).Select(e => e.Field);

    [Theory]
    [InlineData("message", null)]
    [InlineData("invoke", "composeExtension/query")]
    [InlineData("invoke", "adaptiveCard/action")]
    [InlineData("conversationUpdate", null)]
    [InlineData("installationUpdate", null)]
    public void Well_formed_teams_activities_pass(string type, string? name) =>
        Assert.Empty(ActivityValidator.Validate(Parse(TestTokens.MessageJson(type: type, name: name))));

    [Fact]
    public void Unhandled_types_need_neither_sender_nor_conversation()
    {
        Assert.Empty(ActivityValidator.Validate(new Activity { Type = "typing", ChannelId = "msteams", ServiceUrl = "https://smba.trafficmanager.net/emea/" }));
        Assert.Equal(["from", "conversation"], Fields(new Activity { Type = "message", ChannelId = "msteams", ServiceUrl = "https://smba.trafficmanager.net/emea/" }));
    }

    [Fact]
    public void Every_problem_is_named_at_once()
    {
        var activity = Parse(TestTokens.MessageJson()) with
        {
            Id = new string('1', ActivityValidator.MaxIdLength + 1),
            ServiceUrl = "ftp://smba.trafficmanager.net/",
            Locale = "en\u0000GB",
        };
        Assert.Equal(["serviceUrl", "id", "locale"], Fields(activity));
    }

    [Fact]
    public void Ids_at_the_limit_pass_and_surrogate_pairs_are_characters_not_controls()
    {
        var activity = Parse(TestTokens.MessageJson()) with
        {
            Id = new string('1', ActivityValidator.MaxIdLength),
            From = new ChannelAccount { Id = "29:\U0001F600user", Name = "Zoë \U0001F600" },
        };
        Assert.Empty(ActivityValidator.Validate(activity));
        Assert.Equal(["from.id"], Fields(activity with { From = new ChannelAccount { Id = "29:\uD800user" } }));
    }

    [Fact]
    public void Tenants_named_twice_must_agree()
    {
        var activity = Parse(TestTokens.MessageJson());
        Assert.Equal(["channelData.tenant.id"], Fields(activity with { ChannelData = new TeamsChannelData { Tenant = new TenantInfo("00000000-0000-4000-8000-000000000bad") } }));
        Assert.Empty(ActivityValidator.Validate(activity with { ChannelData = new TeamsChannelData { Tenant = new TenantInfo(TestTokens.TenantId.ToUpperInvariant()) } }));
        Assert.Empty(ActivityValidator.Validate(activity with { ChannelData = null }));
    }

    [Theory]
    [InlineData("Production", new string[0], false)]
    [InlineData("Production", new[] { TestTokens.TenantId }, true)]
    [InlineData("Production", new[] { "contoso.onmicrosoft.com" }, false)]
    [InlineData("Development", new string[0], true)]
    public void Start_up_requires_tenant_ids_outside_development(string environment, string[] tenants, bool valid)
    {
        var result = new BotOptionsValidator(new TestHostEnvironment(environment)).Validate(null, new BotOptions { AllowedTenantIds = [.. tenants] });
        Assert.Equal(valid, result.Succeeded);
    }
}
