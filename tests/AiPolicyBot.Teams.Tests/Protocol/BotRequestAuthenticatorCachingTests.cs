using AiPolicyBot.Teams.Protocol;
using AiPolicyBot.Teams.Protocol.Auth;
using AiPolicyBot.Teams.Tests.Support;
using AiPolicyBot.Testing.Identity;
using Microsoft.IdentityModel.Tokens;

namespace AiPolicyBot.Teams.Tests.Protocol;

/// <summary>
/// The authenticator parses each token once and reuses its validation parameters per key set: every check must still
/// run on every request, after the parameters are cached, across a key refresh and under concurrency.
/// </summary>
public sealed class BotRequestAuthenticatorCachingTests() : AuthenticatorTestBase("msteams")
{
    private static Activity Message(string serviceUrl = TestTokens.ServiceUrl) =>
        new() { Type = "message", ChannelId = "msteams", ServiceUrl = serviceUrl };

    private static async Task<AuthMode> Auth(BotRequestAuthenticator auth, string header, Activity? activity = null) =>
        (await auth.AuthenticateAsync(header, activity ?? Message(), false, CancellationToken.None)).Mode;

    private static string Bearer(string token) => "Bearer " + token;

    [Fact]
    public async Task Once_the_parameters_are_cached_a_token_for_another_audience_or_out_of_date_is_still_rejected()
    {
        var auth = Create();
        var now = DateTime.UtcNow;
        Assert.Equal(AuthMode.Channel, await Auth(auth, Bearer(TestTokens.Channel(Key))));

        Assert.Equal(AuthMode.Rejected, await Auth(auth, Bearer(TestTokens.Channel(Key, audience: TestTokens.OtherAppId))));
        Assert.Equal(AuthMode.Rejected, await Auth(auth, Bearer(TestTokens.Channel(Key, notBefore: now.AddHours(-2), expires: now.AddMinutes(-6)))));
        Assert.Equal(AuthMode.Rejected, await Auth(auth, Bearer(TestTokens.Channel(Key, issuer: "https://api.botframework.com/"))));
        Assert.Equal(AuthMode.Rejected, await Auth(auth, Bearer(TestTokens.Tampered(TestTokens.Channel(Key), "aud", TestTokens.OtherAppId))));
        Assert.Equal(AuthMode.Rejected, await Auth(auth, Bearer(TestTokens.Unsigned(Key.KeyId!))));
        Assert.Equal(AuthMode.Rejected, await Auth(auth, Bearer(TestTokens.Hs256WithPublicKey(Key))));
        Assert.Equal(AuthMode.Rejected, await Auth(auth, Bearer(TestTokens.Channel(Key, algorithm: SecurityAlgorithms.RsaSsaPssSha256))));

        Assert.Equal(AuthMode.Channel, await Auth(auth, Bearer(TestTokens.Channel(Key))));
        Assert.Equal(1, Server.KeysHits);
    }

    [Fact]
    public async Task After_a_key_refresh_a_token_signed_by_the_new_key_validates_and_the_checks_still_hold()
    {
        var auth = Create();
        Assert.Equal(AuthMode.Channel, await Auth(auth, Bearer(TestTokens.Channel(Key))));
        var rotated = FakeOpenIdServer.NewKey("key-2");
        Server.Publish(rotated, "msteams");

        Assert.Equal(AuthMode.Channel, await Auth(auth, Bearer(TestTokens.Channel(rotated))));
        Assert.Equal(2, Server.KeysHits);
        Assert.Equal(AuthMode.Channel, await Auth(auth, Bearer(TestTokens.Channel(Key))));
        Assert.Equal(AuthMode.Rejected, await Auth(auth, Bearer(TestTokens.Channel(rotated, audience: TestTokens.OtherAppId))));
        Assert.Equal(AuthMode.Rejected, await Auth(auth, Bearer(TestTokens.Channel(FakeOpenIdServer.NewKey("key-2")))));
        Assert.Equal(2, Server.KeysHits); // a known kid with the wrong key is a bad signature, not a reason to refresh
    }

    [Fact]
    public async Task After_the_twelve_hour_refresh_the_new_key_set_still_validates_and_rejects_as_before()
    {
        var auth = Create();
        Assert.Equal(AuthMode.Channel, await Auth(auth, Bearer(TestTokens.Channel(Key))));
        Clock.Advance(TimeSpan.FromHours(12));

        Assert.Equal(AuthMode.Channel, await Auth(auth, Bearer(TestTokens.Channel(Key))));
        Assert.Equal(2, Server.KeysHits);
        Assert.Equal(AuthMode.Rejected, await Auth(auth, Bearer(TestTokens.Channel(Key, audience: TestTokens.OtherAppId))));
    }

    [Fact]
    public async Task When_a_key_rolls_over_every_concurrent_request_signed_by_the_new_key_is_accepted_after_one_fetch()
    {
        var auth = Create();
        Assert.Equal(AuthMode.Channel, await Auth(auth, Bearer(TestTokens.Channel(Key))));
        var rotated = FakeOpenIdServer.NewKey("key-2");
        Server.Publish(rotated, "msteams");

        // All of them saw the old key set; only the first may re-read the keys, the others must use what it loaded
        // rather than be turned away by the 5-minute limit on forced refreshes.
        var modes = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => Auth(auth, Bearer(TestTokens.Channel(rotated))))));

        Assert.All(modes, m => Assert.Equal(AuthMode.Channel, m));
        Assert.Equal(2, Server.KeysHits);
        Assert.Equal(AuthMode.Rejected, await Auth(auth, Bearer(TestTokens.Channel(FakeOpenIdServer.NewKey("key-3")))));
        Assert.Equal(2, Server.KeysHits); // and an unknown kid straight after is still held by that limit
    }

    [Fact]
    public async Task Concurrent_validations_each_get_their_own_answer()
    {
        var auth = Create();
        var now = DateTime.UtcNow;
        var other = FakeOpenIdServer.NewKey("other-channel-key");
        Server.Publish(other, "webchat");
        var cases = new (string Header, Activity Activity, AuthMode Expected)[]
        {
            (Bearer(TestTokens.Channel(Key)), Message(), AuthMode.Channel),
            (Bearer(TestTokens.Channel(Key, audience: TestTokens.OtherAppId)), Message(), AuthMode.Rejected),
            (Bearer(TestTokens.Channel(Key, notBefore: now.AddHours(-2), expires: now.AddMinutes(-6))), Message(), AuthMode.Rejected),
            (Bearer(TestTokens.Channel(Key)), Message("https://smba.trafficmanager.net/emea/"), AuthMode.Rejected),
            (Bearer(TestTokens.Tampered(TestTokens.Channel(Key), "serviceurl", "https://evil.example.com/")), Message(), AuthMode.Rejected),
            (Bearer(TestTokens.Channel(other)), Message(), AuthMode.Rejected),
            ("Bearer  " + TestTokens.Channel(Key) + " ", Message(), AuthMode.Channel),
        };
        Assert.Equal(AuthMode.Channel, await Auth(auth, cases[0].Header)); // keys loaded, parameters cached

        var results = await Task.WhenAll(Enumerable.Range(0, 700).Select(i => Task.Run(async () =>
        {
            var c = cases[i % cases.Length];
            return (Index: i % cases.Length, Mode: await Auth(auth, c.Header, c.Activity));
        })));

        foreach (var (index, mode) in results)
        {
            Assert.True(cases[index].Expected == mode, $"case {index}: expected {cases[index].Expected}, got {mode}");
        }

        Assert.Equal(1, Server.KeysHits);
    }

    [Fact]
    public async Task The_entra_path_reuses_its_parameters_and_still_rejects_another_audience()
    {
        var auth = Create(o =>
        {
            o.EnableEntraTokens = true;
            o.EntraOpenIdMetadataUrl = Server.MetadataUrl;
        });
        var issuer = $"https://login.microsoftonline.com/{TestTokens.TenantId}/v2.0";
        string Entra(string audience = TestTokens.AppId) => TestTokens.Channel(Key, issuer: issuer, audience: audience, serviceUrl: null,
            extraClaims: new Dictionary<string, object> { ["ver"] = "2.0", ["azp"] = TestTokens.AppId, ["idtyp"] = "app" });

        Assert.Equal(AuthMode.Entra, await Auth(auth, Bearer(Entra())));
        Assert.Equal(AuthMode.Entra, await Auth(auth, Bearer(Entra())));
        Assert.Equal(AuthMode.Rejected, await Auth(auth, Bearer(Entra(audience: TestTokens.OtherAppId))));
        Assert.Equal(AuthMode.Channel, await Auth(auth, Bearer(TestTokens.Channel(Key)))); // the other source's parameters
    }

    [Fact]
    public async Task A_token_over_the_handlers_size_limit_is_rejected_before_it_is_parsed()
    {
        var huge = TestTokens.Channel(Key, extraClaims: new Dictionary<string, object> { ["pad"] = new string('a', 260_000) });
        Assert.Equal(AuthMode.Rejected, await Auth(Create(), Bearer(huge)));
        Assert.Equal(0, Server.KeysHits);
    }

    [Theory]
    [InlineData("Bearer abc", "abc")]
    [InlineData("bearer abc", "abc")]
    [InlineData("BEARER abc", "abc")]
    [InlineData("  Bearer   abc  ", "abc")]
    [InlineData("Bearer", null)]
    [InlineData("Bearer ", null)]
    [InlineData("Bearer a b", null)]
    [InlineData("Basic abc", null)]
    [InlineData("Bearerabc", null)]
    [InlineData("Bearer\tabc", null)]
    [InlineData("xBearer abc", null)]
    public void The_bearer_header_is_read_exactly_as_split_on_spaces_read_it(string header, string? expected)
    {
        var accepted = BotRequestAuthenticator.TryReadBearerToken(header, out var token);

        Assert.Equal(expected, accepted ? token : null);
        var parts = header.Split(' ', StringSplitOptions.RemoveEmptyEntries); // the reading this replaced
        var splitAccepted = parts.Length == 2 && string.Equals(parts[0], "Bearer", StringComparison.OrdinalIgnoreCase);
        Assert.Equal(splitAccepted, accepted);
        Assert.Equal(splitAccepted ? parts[1] : null, accepted ? token : null);
    }
}
