using AiPolicyBot.Teams.Protocol.Auth;
using AiPolicyBot.Testing.Identity;
using Microsoft.IdentityModel.Tokens;

namespace AiPolicyBot.Teams.Tests.Protocol;

/// <summary>One TokenValidationParameters per key set: reused while the keys stay, rebuilt when they are refreshed.</summary>
public sealed class ValidationParametersCacheTests
{
    private static SigningKeySet KeySet(params string[] kids) => new(
        kids.Select(k => (SecurityKey)FakeOpenIdServer.NewKey(k)).ToList(),
        new Dictionary<string, IReadOnlySet<string>>(),
        DateTimeOffset.UtcNow);

    [Fact]
    public void The_same_key_set_gets_the_same_parameters_with_every_rule_of_the_protocol()
    {
        var cache = new ValidationParametersCache([TestTokens.ChannelIssuer], TestTokens.AppId);
        var keys = KeySet("key-1");

        var parameters = cache.For(keys);

        Assert.Same(parameters, cache.For(keys));
        Assert.Equal(new[] { TestTokens.ChannelIssuer }, parameters.ValidIssuers);
        Assert.True(parameters.ValidateIssuer);
        Assert.Equal(TestTokens.AppId, parameters.ValidAudience);
        Assert.True(parameters.ValidateAudience);
        Assert.True(parameters.ValidateLifetime);
        Assert.True(parameters.RequireExpirationTime);
        Assert.Equal(TimeSpan.FromMinutes(5), parameters.ClockSkew);
        Assert.Same(keys.Keys, parameters.IssuerSigningKeys);
        Assert.True(parameters.ValidateIssuerSigningKey);
        Assert.True(parameters.RequireSignedTokens);
        Assert.False(parameters.TryAllIssuerSigningKeys);
        Assert.Equal(new[] { "RS256", "RS384", "RS512" }, parameters.ValidAlgorithms);
    }

    [Fact]
    public void A_refreshed_key_set_gets_new_parameters_and_only_the_latest_is_kept()
    {
        var cache = new ValidationParametersCache([TestTokens.ChannelIssuer], TestTokens.AppId);
        var before = KeySet("key-1");
        var refreshed = KeySet("key-1", "key-2");
        var first = cache.For(before);

        var second = cache.For(refreshed);

        Assert.NotSame(first, second);
        Assert.Same(refreshed.Keys, second.IssuerSigningKeys);
        Assert.Same(second, cache.For(refreshed));
        // One entry only: going back to the old set builds again instead of finding it in a growing cache.
        var again = cache.For(before);
        Assert.NotSame(first, again);
        Assert.Same(before.Keys, again.IssuerSigningKeys);
    }

    [Fact]
    public void A_key_set_equal_in_value_but_fetched_again_is_a_new_entry()
    {
        var cache = new ValidationParametersCache([TestTokens.ChannelIssuer], TestTokens.AppId);
        var keys = KeySet("key-1");
        var copy = keys with { };

        Assert.NotSame(cache.For(keys), cache.For(copy));
        Assert.Same(copy.Keys, cache.For(copy).IssuerSigningKeys);
    }

    [Fact]
    public async Task Concurrent_callers_always_get_the_parameters_of_their_own_key_set()
    {
        var cache = new ValidationParametersCache([TestTokens.ChannelIssuer], TestTokens.AppId);
        var sets = Enumerable.Range(0, 4).Select(i => KeySet($"key-{i}")).ToArray();
        var wrong = 0;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 2_000; i++)
            {
                var keys = sets[(worker + i) % sets.Length];
                if (!ReferenceEquals(cache.For(keys).IssuerSigningKeys, keys.Keys))
                {
                    Interlocked.Increment(ref wrong);
                }
            }
        })));

        Assert.Equal(0, wrong);
    }
}
