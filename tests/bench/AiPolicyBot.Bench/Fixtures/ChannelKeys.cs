using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AiPolicyBot.Teams.Protocol;
using AiPolicyBot.Teams.Protocol.Auth;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AiPolicyBot.Bench.Fixtures;

/// <summary>
/// A test RSA signing key published as Bot Framework style OpenID metadata + JWKS (endorsed for msteams) by an
/// in-process handler (the local metadata stub), and channel tokens signed with it, as the Teams tests build them.
/// </summary>
public sealed class ChannelKeys
{
    public const string AppId = "5e1b2c3d-0000-4000-8000-00000000a11c";
    public const string ServiceUrl = "https://smba.trafficmanager.net/amer/";
    public const string MetadataUrl = "http://127.0.0.1:9/.well-known/openidconfiguration";

    public RsaSecurityKey Key { get; } = new(RSA.Create(2048)) { KeyId = "bench-key" };

    public string Token(string serviceUrl = ServiceUrl)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = BotRequestAuthenticator.ChannelIssuer,
            Audience = AppId,
            NotBefore = now.AddMinutes(-5),
            IssuedAt = now.AddMinutes(-5),
            Expires = now.AddHours(4),
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>Serves the metadata and the JWKS; any other path is 404.</summary>
    public HttpMessageHandler MetadataHandler() => new StubHandler(request =>
    {
        var path = request.RequestUri!.AbsolutePath;
        if (path.EndsWith("openidconfiguration", StringComparison.Ordinal))
            return Json(JsonSerializer.Serialize(new { issuer = BotRequestAuthenticator.ChannelIssuer, jwks_uri = "http://127.0.0.1:9/keys" }));
        if (path == "/keys")
        {
            var p = Key.Rsa.ExportParameters(false);
            return Json(JsonSerializer.Serialize(new
            {
                keys = new[] { new { kty = "RSA", use = "sig", kid = Key.KeyId, n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent), endorsements = new[] { "msteams" } } },
            }));
        }
        return new HttpResponseMessage(HttpStatusCode.NotFound);
    });

    /// <summary>The authenticator as the host builds it (Production environment: no local exception), keys from the stub.</summary>
    public BotRequestAuthenticator Authenticator()
    {
        var options = Options.Create(new BotOptions { AppId = AppId, OpenIdMetadataUrl = MetadataUrl });
        var environment = new BenchHostEnvironment(Environments.Production);
        var keys = new BotKeySources(options, new StubHttpClientFactory(MetadataHandler()), TimeProvider.System, NullLoggerFactory.Instance);
        return new BotRequestAuthenticator(options, new LocalDevelopmentMode(options, environment), keys, NullLogger<BotRequestAuthenticator>.Instance);
    }

    private static HttpResponseMessage Json(string body) =>
        new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}

/// <summary>An HttpMessageHandler answering from a function (no sockets).</summary>
public sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct) =>
        Task.FromResult(answer(request));
}

public sealed class StubHttpClientFactory(HttpMessageHandler handler) : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
}

public sealed class BenchHostEnvironment(string name) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = name;
    public string ApplicationName { get; set; } = "AiPolicyBot.Bench";
    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
    public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } =
        new Microsoft.Extensions.FileProviders.NullFileProvider();
}
