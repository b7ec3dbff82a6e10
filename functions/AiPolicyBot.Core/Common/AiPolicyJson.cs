using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiPolicyBot.Common;

/// <summary>
/// The one System.Text.Json configuration of AiPolicyBot: contracts, activities, cards and stored documents.
/// camelCase names, enums as camelCase strings (wire names such as "EYFS" are set on the members, and an enum type
/// that names its own [JsonConverter] keeps it), nulls omitted when writing unless a property opts in with
/// <c>[JsonIgnore(Condition = JsonIgnoreCondition.Never)]</c>.
/// </summary>
public static class AiPolicyJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Cards and mail bodies escape user text themselves; keep the JSON readable (é, ’, <) for Teams.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new CamelCaseEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>
    /// Enums as camelCase strings, except an enum type with its own [JsonConverter] (e.g. a schema that spells its
    /// values "Large"): a converter in the options would otherwise win over the one the type names.
    /// </summary>
    private sealed class CamelCaseEnumConverter : JsonConverterFactory
    {
        private readonly JsonStringEnumConverter _camelCase = new(JsonNamingPolicy.CamelCase, allowIntegerValues: false);

        public override bool CanConvert(Type typeToConvert) =>
            _camelCase.CanConvert(typeToConvert) && !Attribute.IsDefined(typeToConvert, typeof(JsonConverterAttribute), inherit: false);

        public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            _camelCase.CreateConverter(typeToConvert, options);
    }
}
