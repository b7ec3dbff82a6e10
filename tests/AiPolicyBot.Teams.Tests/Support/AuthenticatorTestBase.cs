using AiPolicyBot.Teams.Protocol;
using AiPolicyBot.Teams.Protocol.Auth;
using AiPolicyBot.Testing.Hosts;
using AiPolicyBot.Testing.Http;
using AiPolicyBot.Testing.Identity;
using AiPolicyBot.Testing.Time;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace AiPolicyBot.Teams.Tests.Support;

/// <summary>
/// A fake OpenID metadata endpoint on loopback that publishes one channel signing key (endorsed for the given
/// channels), a clock the test moves, and authenticators that read those keys as production does.
/// </summary>
public abstract class AuthenticatorTestBase(params string[] endorsements) : IAsyncLifetime
{
    protected FakeOpenIdServer Server { get; private set; } = null!;
    protected RsaSecurityKey Key { get; } = FakeOpenIdServer.NewKey("key-1");
    protected ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public async Task InitializeAsync()
    {
        Server = await FakeOpenIdServer.StartAsync();
        Server.Publish(Key, endorsements);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    protected BotRequestAuthenticator Create(Action<BotOptions>? configure = null, string environment = "Production")
    {
        var o = new BotOptions { AppId = TestTokens.AppId, TenantId = TestTokens.TenantId, OpenIdMetadataUrl = Server.MetadataUrl };
        configure?.Invoke(o);
        var options = Options.Create(o);
        return new BotRequestAuthenticator(options, new LocalDevelopmentMode(options, new TestHostEnvironment(environment)),
            new BotKeySources(options, new SimpleHttpClientFactory(), Clock, NullLoggerFactory.Instance),
            NullLogger<BotRequestAuthenticator>.Instance);
    }
}
