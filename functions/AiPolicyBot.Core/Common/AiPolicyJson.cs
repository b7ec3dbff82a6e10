using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiPolicyBot.Common;

/// <summary>
/// The one System.Text.Json configuration of AiPolicyBot: contracts, activities, cards and stored documents.
/// camelCase names, enums as camelCase strings (wire names such as "EYFS" are set on the members), nulls omitted
/// when writing unless a property opts in with <c>[JsonIgnore(Condition = JsonIgnoreCondition.Never)]</c>.
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
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
