using AiPolicyBot.Teams.Protocol;
using AiPolicyBot.Teams.Protocol.Auth;
using AiPolicyBot.Teams.Tests.Support;
using AiPolicyBot.Testing.Hosts;
using AiPolicyBot.Testing.Http;
using AiPolicyBot.Testing.Identity;
using AiPolicyBot.Testing.Time;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Teams.Tests.Protocol;

/// <summary>
/// The validated-token cache (docs/security.md): a channel token that passed every check once is accepted again
/// without the signature check, but only that exact token, only until it expires, only with the keys it was checked
/// against, never after a failure, and every activity it carries is still checked against its claims.
/// </summary>
public sealed class ValidatedTokenCacheTests() : AuthenticatorTestBase("msteams")
{
    private static Activity Message(string serviceUrl = TestTokens.ServiceUrl, string channelId = "msteams") =>
        new() { Type = "message", ChannelId = channelId, ServiceUrl = serviceUrl };

    private (BotRequestAuthenticator Auth, ValidatedTokenCache Cache) CreateWithCache(TimeProvider? clock = null)
    {
        var options = Options.Create(new BotOptions
        {
            AppId = TestTokens.AppId,
            TenantId = TestTokens.TenantId,
            OpenIdMetadataUrl = Server.MetadataUrl,
        });
        var cache = new ValidatedTokenCache(clock ?? TimeProvider.System);
        var auth = new BotRequestAuthenticator(options, new LocalDevelopmentMode(options, new TestHostEnvironment("Production")),
            new BotKeySources(options, new SimpleHttpClientFactory(), Clock, NullLoggerFactory.Instance),
            NullLogger<BotRequestAuthenticator>.Instance, cache);
        return (auth, cache);
    }

    private static async Task<AuthMode> Auth(BotRequestAuthenticator auth, string token, Activity? activity = null) =>
        (await auth.AuthenticateAsync("Bearer " + token, activity ?? Message(), false, CancellationToken.None)).Mode;

    [Fact]
    public async Task A_validated_token_is_remembered_and_each_activity_it_carries_is_still_checked()
    {
        var (auth, cache) = CreateWithCache();
        var token = TestTokens.Channel(Key);

        Assert.Equal(AuthMode.Channel, await Auth(auth, token));
        Assert.Equal(1, cache.Count);
        Assert.Equal(AuthMode.Channel, await Auth(auth, token));

        // A hit skips the signature check, not the per-activity ones.
        Assert.Equal(AuthMode.Rejected, await Auth(auth, token, Message("https://evil.example.com/")));
        Assert.Equal(AuthMode.Rejected, await Auth(auth, token, Message(channelId: "webchat")));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task Rejected_tokens_are_never_cached_and_a_token_one_character_away_from_a_cached_one_is_checked_in_full()
    {
        var (auth, cache) = CreateWithCache();
        var token = TestTokens.Channel(Key);
        Assert.Equal(AuthMode.Channel, await Auth(auth, token));

        var forgedSignature = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        var otherAudience = TestTokens.Channel(Key, audience: TestTokens.OtherAppId);
        var tampered = TestTokens.Tampered(token, "serviceurl", "https://evil.example.com/");
        foreach (var bad in new[] { forgedSignature, otherAudience, tampered, TestTokens.Unsigned(Key.KeyId!) })
        {
            Assert.Equal(AuthMode.Rejected, await Auth(auth, bad));
            Assert.Equal(AuthMode.Rejected, await Auth(auth, bad));
        }

        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task A_token_whose_key_was_withdrawn_is_rejected_once_the_keys_are_refreshed()
    {
        var (auth, _) = CreateWithCache();
        var token = TestTokens.Channel(Key);
        Assert.Equal(AuthMode.Channel, await Auth(auth, token));

        var rotated = FakeOpenIdServer.NewKey("key-2");
        Server.Publish(rotated, "msteams");
        Server.Withdraw(Key.KeyId!);
        Assert.Equal(AuthMode.Channel, await Auth(auth, TestTokens.Channel(rotated))); // unknown kid: keys refreshed

        Assert.Equal(AuthMode.Rejected, await Auth(auth, token));
    }

    [Fact]
    public async Task An_entry_ends_at_the_tokens_expiry_without_the_clock_skew()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var (auth, cache) = CreateWithCache(clock);
        var token = TestTokens.Channel(Key, expires: DateTime.UtcNow.AddMinutes(10));
        Assert.Equal(AuthMode.Channel, await Auth(auth, token));
        Assert.True(cache.TryGet(token, out _));

        clock.Advance(TimeSpan.FromMinutes(10));

        Assert.False(cache.TryGet(token, out _));
    }

    [Fact]
    public void The_cache_holds_at_most_its_capacity_and_makes_room_only_by_dropping_expired_entries()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var cache = new ValidatedTokenCache(clock);
        var keys = new SigningKeySet([], new Dictionary<string, IReadOnlySet<string>>(), clock.GetUtcNow());
        for (var i = 0; i < ValidatedTokenCache.Capacity; i++)
        {
            cache.Add("token-" + i, new ValidatedTokenCache.Entry(keys, clock.GetUtcNow().AddMinutes(i < 10 ? 1 : 60), "k", null));
        }

        cache.Add("one-too-many", new ValidatedTokenCache.Entry(keys, clock.GetUtcNow().AddMinutes(60), "k", null));
        Assert.Equal(ValidatedTokenCache.Capacity, cache.Count);
        Assert.False(cache.TryGet("one-too-many", out _));

        clock.Advance(TimeSpan.FromMinutes(2));
        cache.Add("after-expiry", new ValidatedTokenCache.Entry(keys, clock.GetUtcNow().AddMinutes(60), "k", null));

        Assert.Equal(ValidatedTokenCache.Capacity - 9, cache.Count);
        Assert.True(cache.TryGet("after-expiry", out _));
        Assert.False(cache.TryGet("token-0", out _));
        Assert.True(cache.TryGet("token-10", out _));
    }
}
