using System.Net;
using System.Security.Cryptography;
using System.Text;
using AiPolicyBot.Teams.Protocol;
using AiPolicyBot.Teams.Protocol.Auth;
using AiPolicyBot.Testing.Hosts;
using AiPolicyBot.Testing.Http;
using AiPolicyBot.Testing.Identity;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace AiPolicyBot.Bench.Fixtures;

/// <summary>
/// A test RSA signing key published as Bot Framework style OpenID metadata + JWKS (endorsed for msteams) by an
/// in-process handler (the local metadata stub, no sockets), and channel tokens signed with it (TestTokens, as the
/// Teams tests build them).
/// </summary>
public sealed class ChannelKeys
{
    public const string AppId = TestTokens.AppId;
    public const string ServiceUrl = TestTokens.ServiceUrl;
    public const string MetadataUrl = "http://127.0.0.1:9/.well-known/openidconfiguration";

    public RsaSecurityKey Key { get; } = new(RSA.Create(2048)) { KeyId = "bench-key" };

    /// <summary>A channel token for <paramref name="serviceUrl"/>, valid for four hours (longer than any run).</summary>
    public string Token(string serviceUrl = ServiceUrl) => TestTokens.Channel(Key, serviceUrl: serviceUrl, expires: DateTime.UtcNow.AddHours(4));

    /// <summary>Serves the metadata and the JWKS; any other path is 404.</summary>
    public HttpMessageHandler MetadataHandler() => new StubHandler(request =>
    {
        var path = request.RequestUri!.AbsolutePath;
        if (path.EndsWith("openidconfiguration", StringComparison.Ordinal)) return Json(OpenIdDocuments.Metadata("http://127.0.0.1:9/keys"));
        if (path == "/keys") return Json(OpenIdDocuments.Keys([(Key, ["msteams"])]));
        return new HttpResponseMessage(HttpStatusCode.NotFound);
    });

    /// <summary>The authenticator as the host builds it (Production environment: no local exception), keys from the stub.</summary>
    public BotRequestAuthenticator Authenticator()
    {
        var options = Options.Create(new BotOptions { AppId = AppId, OpenIdMetadataUrl = MetadataUrl });
        var environment = new TestHostEnvironment(Environments.Production);
        var keys = new BotKeySources(options, new SimpleHttpClientFactory(MetadataHandler()), TimeProvider.System, NullLoggerFactory.Instance);
        return new BotRequestAuthenticator(options, new LocalDevelopmentMode(options, environment), keys, NullLogger<BotRequestAuthenticator>.Instance);
    }

    private static HttpResponseMessage Json(string body) =>
        new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
