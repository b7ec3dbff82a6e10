using System.Text.Json.Serialization;

namespace AiPolicyBot.Language.Conversation.Catalogue;

/// <summary>
/// An AI product or feature people name, whether or not the Trust has assessed it: its usual name, vendor, other
/// names, common misspellings and products it is easily confused with. <see cref="RegisterId"/> links the product to
/// the demo register's entry when there is one; the register itself stays the Trust's own record.
/// </summary>
public sealed record CatalogueProduct
{
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("vendor")] public string? Vendor { get; init; }
    [JsonPropertyName("aliases")] public IReadOnlyList<string> Aliases { get; init; } = [];
    [JsonPropertyName("misspellings")] public IReadOnlyList<string> Misspellings { get; init; } = [];
    [JsonPropertyName("lookAlikes")] public IReadOnlyList<string> LookAlikes { get; init; } = [];
    /// <summary>How people point at it through its vendor ("the Microsoft one").</summary>
    [JsonPropertyName("vendorPhrases")] public IReadOnlyList<string> VendorPhrases { get; init; } = [];
    [JsonPropertyName("registerId")] public string? RegisterId { get; init; }
}
