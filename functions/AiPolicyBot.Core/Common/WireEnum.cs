using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiPolicyBot.Common;

/// <summary>
/// Maps enum members to and from their contract wire names (camelCase, or a <see cref="JsonStringEnumMemberNameAttribute"/>),
/// exactly as <see cref="AiPolicyJson"/> writes them. Parsing is exact and case-sensitive: "Website" is not "webBrowser".
/// </summary>
public static class WireEnum<T> where T : struct, Enum
{
    private static readonly Dictionary<string, T> ByName = new(StringComparer.Ordinal);
    private static readonly Dictionary<T, string> ByValue = [];

    static WireEnum()
    {
        foreach (var field in typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var value = (T)field.GetValue(null)!;
            var name = field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
                       ?? JsonNamingPolicy.CamelCase.ConvertName(field.Name);
            ByName[name] = value;
            ByValue[value] = name;
        }
    }

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public static bool TryParse(string? text, out T value) => ByName.TryGetValue(text ?? "", out value);

    public static string Name(T value) => ByValue[value];

    /// <summary>"one of a, b, c" for error messages.</summary>
    public static string Allowed => "one of " + string.Join(", ", ByName.Keys);
}
