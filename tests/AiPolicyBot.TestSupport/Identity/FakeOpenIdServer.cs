using System.Security.Cryptography;
using AiPolicyBot.Testing.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace AiPolicyBot.Testing.Identity;

/// <summary>
/// A fake OpenID metadata + JWKS endpoint on loopback (port chosen by the OS), serving test RSA keys with Bot
/// Framework style endorsements. Counts fetches so caching and refresh throttling can be asserted.
/// </summary>
public sealed class FakeOpenIdServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<(RsaSecurityKey Key, string[]? Endorsements)> _keys = [];
    private int _metadataHits;
    private int _keysHits;

    private FakeOpenIdServer(WebApplication app) => _app = app;

    public string MetadataUrl { get; private set; } = "";
    public int MetadataHits => Volatile.Read(ref _metadataHits);
    public int KeysHits => Volatile.Read(ref _keysHits);

    public static RsaSecurityKey NewKey(string kid) => new(RSA.Create(2048)) { KeyId = kid };

    public void Publish(RsaSecurityKey key, params string[]? endorsements)
    {
        lock (_keys)
        {
            _keys.Add((key, endorsements));
        }
    }

    /// <summary>Stops publishing the key with this id (a rollover that retires it).</summary>
    public void Withdraw(string kid)
    {
        lock (_keys)
        {
            _keys.RemoveAll(k => k.Key.KeyId == kid);
        }
    }

    public static async Task<FakeOpenIdServer> StartAsync()
    {
        var app = LoopbackApp.Create();
        var server = new FakeOpenIdServer(app);
        app.MapGet("/.well-known/openidconfiguration", (HttpContext ctx) =>
        {
            Interlocked.Increment(ref server._metadataHits);
            return Results.Content(OpenIdDocuments.Metadata($"{ctx.Request.Scheme}://{ctx.Request.Host}/keys"), "application/json");
        });
        app.MapGet("/keys", () =>
        {
            Interlocked.Increment(ref server._keysHits);
            return Results.Content(server.JwksJson(), "application/json");
        });
        await app.StartAsync();
        server.MetadataUrl = app.Urls.First().TrimEnd('/') + "/.well-known/openidconfiguration";
        return server;
    }

    private string JwksJson()
    {
        lock (_keys) return OpenIdDocuments.Keys(_keys);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
