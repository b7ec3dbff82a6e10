using System.Text;
using System.Text.Json;
using AiPolicyBot.Bench.Fixtures;
using AiPolicyBot.Common;
using AiPolicyBot.Teams.Protocol;
using AiPolicyBot.Teams.Protocol.Auth;
using BenchmarkDotNet.Attributes;

namespace AiPolicyBot.Bench.Benchmarks;

/// <summary>
/// Inbound: parsing the activity (AiPolicyJson), validating a channel JWT with cached keys (RS256 signature, issuer,
/// audience, lifetime, endorsement, serviceurl claim), and both together as /api/messages does them.
/// </summary>
public class ActivityAuthBenchmarks
{
    private byte[] _body = [];
    private Activity _activity = null!;
    private BotRequestAuthenticator _authenticator = null!;
    private string _header = "";

    [GlobalSetup]
    public void Setup()
    {
        var keys = new ChannelKeys();
        _body = Encoding.UTF8.GetBytes(InProcessBot.Activity("a:bench-1").Replace(InProcessBot.SinkUrl, ChannelKeys.ServiceUrl));
        _activity = Parse();
        _authenticator = keys.Authenticator();
        _header = "Bearer " + keys.Token();
        var result = _authenticator.AuthenticateAsync(_header, _activity, false, default).GetAwaiter().GetResult();
        if (!result.IsAuthenticated) throw new InvalidOperationException("token rejected: " + result.Reason);
    }

    [Benchmark]
    public Activity Parse() => JsonSerializer.Deserialize<Activity>(_body, AiPolicyJson.Options)!;

    [Benchmark]
    public Task<AuthResult> ValidateJwt() => _authenticator.AuthenticateAsync(_header, _activity, false, default);

    [Benchmark]
    public Task<AuthResult> ParseAndValidate() => _authenticator.AuthenticateAsync(_header, Parse(), false, default);
}
