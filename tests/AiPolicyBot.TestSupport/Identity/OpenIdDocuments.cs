using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace AiPolicyBot.Testing.Identity;

/// <summary>The two documents a Bot Framework style OpenID endpoint serves: the metadata and the key set (JWKS).</summary>
public static class OpenIdDocuments
{
    public static string Metadata(string jwksUri) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["issuer"] = TestTokens.ChannelIssuer,
        ["jwks_uri"] = jwksUri,
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
    });

    /// <summary>The public halves of <paramref name="keys"/>, each with the channels that endorse it (none: no endorsements field).</summary>
    public static string Keys(IEnumerable<(RsaSecurityKey Key, string[]? Endorsements)> keys) => JsonSerializer.Serialize(new
    {
        keys = keys.Select(k =>
        {
            var p = k.Key.Rsa.ExportParameters(false);
            var jwk = new Dictionary<string, object>
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = k.Key.KeyId!,
                ["n"] = Base64UrlEncoder.Encode(p.Modulus),
                ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            };
            if (k.Endorsements is not null) jwk["endorsements"] = k.Endorsements;
            return jwk;
        }),
    });
}
