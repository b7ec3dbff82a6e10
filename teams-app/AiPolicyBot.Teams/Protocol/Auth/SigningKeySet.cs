using Microsoft.IdentityModel.Tokens;

namespace AiPolicyBot.Teams.Protocol.Auth;

/// <summary>
/// One consistent snapshot of an issuer's keys: the signing keys and, for the Bot Framework, each key's endorsements
/// (the channelIds it may sign for), both parsed from the same JWKS document.
/// </summary>
public sealed record SigningKeySet(
    IReadOnlyList<SecurityKey> Keys,
    IReadOnlyDictionary<string, IReadOnlySet<string>> Endorsements,
    DateTimeOffset FetchedAt);
