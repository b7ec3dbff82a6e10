using System.Text.Json;

namespace AiPolicyBot.Language.Conversation.Catalogue;

/// <summary>
/// The catalogue of AI products (Conversation/Catalogue/products.json, embedded): separate from the Trust's register,
/// so a product is recognised by name even when the Trust has never assessed it.
/// </summary>
public sealed class ProductCatalogue
{
    public const string SourcePath = "functions/AiPolicyBot.Language/Conversation/Catalogue/products.json";

    private static readonly Lazy<ProductCatalogue> EmbeddedCatalogue = new(() =>
    {
        using var s = LanguageAssembly.Instance.GetManifestResourceStream("AiPolicyBot.Language.Conversation.products.json")
                      ?? throw new InvalidOperationException("Missing embedded catalogue");
        return Parse(s);
    });

    public ProductCatalogue(IReadOnlyList<CatalogueProduct> products) => Products = products;

    public IReadOnlyList<CatalogueProduct> Products { get; }

    public static ProductCatalogue Embedded => EmbeddedCatalogue.Value;

    /// <summary>Reads a JSON array of products, or an object whose "products" property is one.</summary>
    public static ProductCatalogue Parse(Stream json)
    {
        using var doc = JsonDocument.Parse(json);
        var array = doc.RootElement.ValueKind == JsonValueKind.Array ? doc.RootElement
            : doc.RootElement.TryGetProperty("products", out var p) ? p
            : throw new FormatException("The catalogue must be an array of products or { \"products\": [...] }.");
        var products = array.Deserialize<List<CatalogueProduct>>() ?? [];
        return new ProductCatalogue(products.Where(x => !string.IsNullOrWhiteSpace(x.Name)).ToList());
    }
}
