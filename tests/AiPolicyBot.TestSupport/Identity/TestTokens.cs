using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AiPolicyBot.Testing.Identity;

/// <summary>Builds channel-style JWTs (and deliberately broken ones) signed with test keys.</summary>
public static class TestTokens
{
    public const string AppId = "5e1b2c3d-0000-4000-8000-00000000a11c";
    public const string OtherAppId = "9f9f9f9f-0000-4000-8000-0000000b0b0b";
    public const string TenantId = "7a7a7a7a-0000-4000-8000-00000000ee11";
    public const string ServiceUrl = "https://smba.trafficmanager.net/amer/";
    public const string ChannelIssuer = "https://api.botframework.com";

    public static string Channel(
        SecurityKey key,
        string issuer = ChannelIssuer,
        string audience = AppId,
        string? serviceUrl = ServiceUrl,
        DateTime? notBefore = null,
        DateTime? expires = null,
        string algorithm = SecurityAlgorithms.RsaSha256,
        IDictionary<string, object>? extraClaims = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>(extraClaims ?? new Dictionary<string, object>());
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }

        var nbf = notBefore ?? now.AddMinutes(-5);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = nbf,
            IssuedAt = nbf,
            Expires = expires ?? now.AddHours(1),
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, algorithm),
        });
    }

    /// <summary>An unsigned token (alg none) with the given key id and otherwise valid claims.</summary>
    public static string Unsigned(string kid)
    {
        var header = Encode(new JsonObject { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = kid });
        var now = DateTimeOffset.UtcNow;
        var payload = Encode(new JsonObject
        {
            ["iss"] = ChannelIssuer,
            ["aud"] = AppId,
            ["serviceurl"] = ServiceUrl,
            ["nbf"] = now.AddMinutes(-5).ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
        });
        return $"{header}.{payload}.";
    }

    /// <summary>The classic key-confusion attack: HS256 with the RSA public key bytes as the HMAC secret.</summary>
    public static string Hs256WithPublicKey(RsaSecurityKey rsa)
    {
        var secret = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(rsa.Rsa.ExportSubjectPublicKeyInfoPem())) { KeyId = rsa.KeyId };
        return Channel(secret, algorithm: SecurityAlgorithms.HmacSha256);
    }

    /// <summary>Rewrites one payload claim and keeps the original signature.</summary>
    public static string Tampered(string token, string claim, string value)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload[claim] = value;
        return $"{parts[0]}.{Encode(payload)}.{parts[2]}";
    }

    private static string Encode(JsonNode node) => Base64UrlEncoder.Encode(node.ToJsonString());

    /// <summary>A minimal Teams message activity JSON.</summary>
    public static string MessageJson(string serviceUrl = ServiceUrl, string channelId = "msteams", string text = "hello",
        string conversationId = "a:1-personal-chat", string type = "message", string? name = null, string? valueJson = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["type"] = type,
            ["id"] = "1485983408511",
            ["name"] = name,
            ["channelId"] = channelId,
            ["serviceUrl"] = serviceUrl,
            ["from"] = new { id = "29:user-1", name = "Megan Bowen", aadObjectId = "7faf8ab2-3d56-4244-b585-20c8a42ed2b8" },
            ["recipient"] = new { id = "28:" + AppId, name = "AiPolicyBot" },
            ["conversation"] = new { id = conversationId, conversationType = "personal", tenantId = TenantId },
            ["channelData"] = new { tenant = new { id = TenantId } },
            ["text"] = text,
            ["value"] = valueJson is null ? null : JsonNode.Parse(valueJson),
        }.Where(kv => kv.Value is not null).ToDictionary());
}
