using AiPolicyBot.Teams.Protocol.Auth;
using AiPolicyBot.Testing.Identity;
using AiPolicyBot.Testing.Time;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiPolicyBot.Teams.Tests.Protocol;

/// <summary>
/// When the metadata endpoint is down, requests must not each wait on it: one failed fetch holds the next one back
/// (30 s, doubling), the keys already held keep serving, and with none held the answer is immediate.
/// </summary>
public sealed class OpenIdKeySourceBackoffTests : IAsyncLifetime
{
    private FakeOpenIdServer _server = null!;
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private readonly SwitchableHandler _handler = new();

    public async Task InitializeAsync()
    {
        _server = await FakeOpenIdServer.StartAsync();
        _server.Publish(FakeOpenIdServer.NewKey("key-1"), "msteams");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private OpenIdKeySource Source() => new(_server.MetadataUrl, new HttpClient(_handler), _clock, NullLogger.Instance);

    [Fact]
    public async Task After_the_twelve_hours_a_dead_endpoint_is_tried_once_and_the_old_keys_keep_serving()
    {
        var source = Source();
        var keys = await source.GetAsync(CancellationToken.None);
        _handler.Down = true;
        _clock.Advance(OpenIdKeySource.AutomaticRefreshInterval + TimeSpan.FromSeconds(1));
        var attempts = _handler.Attempts;

        for (var i = 0; i < 50; i++)
        {
            Assert.Same(keys, await source.GetAsync(CancellationToken.None));
        }

        Assert.Equal(attempts + 1, _handler.Attempts);

        // The next try waits for the back-off; then a working endpoint gives fresh keys again.
        _clock.Advance(OpenIdKeySource.FirstRetryDelay - TimeSpan.FromSeconds(1));
        await source.GetAsync(CancellationToken.None);
        Assert.Equal(attempts + 1, _handler.Attempts);
        _handler.Down = false;
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.NotSame(keys, await source.GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task With_no_keys_yet_a_dead_endpoint_fails_fast_until_the_back_off_ends()
    {
        _handler.Down = true;
        var source = Source();
        await Assert.ThrowsAsync<HttpRequestException>(() => source.GetAsync(CancellationToken.None).AsTask());
        for (var i = 0; i < 20; i++)
        {
            await Assert.ThrowsAsync<KeysUnavailableException>(() => source.GetAsync(CancellationToken.None).AsTask());
        }

        Assert.Equal(1, _handler.Attempts);

        // Back-off doubles: 30 s after the first failure, 60 s after the second.
        _clock.Advance(OpenIdKeySource.FirstRetryDelay);
        await Assert.ThrowsAsync<HttpRequestException>(() => source.GetAsync(CancellationToken.None).AsTask());
        _clock.Advance(OpenIdKeySource.FirstRetryDelay);
        await Assert.ThrowsAsync<KeysUnavailableException>(() => source.GetAsync(CancellationToken.None).AsTask());
        Assert.Equal(2, _handler.Attempts);
    }

    /// <summary>Passes requests to the fake endpoint, or fails them as a dead host would; counts the attempts.</summary>
    private sealed class SwitchableHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        private int _attempts;
        public volatile bool Down;
        public int Attempts => Volatile.Read(ref _attempts);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            if (request.RequestUri!.AbsolutePath.Contains("openid", StringComparison.Ordinal)) Interlocked.Increment(ref _attempts);
            return Down ? throw new HttpRequestException("connection refused") : base.SendAsync(request, ct);
        }
    }
}
