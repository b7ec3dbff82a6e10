using System.Text.Json.Serialization;

namespace AiPolicyBot.Teams.Cards.Model;

// Adaptive Card enum values are written in their schema spelling. Where the schema spells them like the members
// ("Large", "Bolder"), the enum names SchemaSpelling as its converter; where it spells them in lower case ("heading",
// "emphasis", "positive"), AiPolicyJson's camelCase enum names are already that spelling. Each enum is declared
// beside the element that uses it (Spacing, used by elements and columns, has its own file).

/// <summary>Writes an enum's member names as they are declared (no naming policy).</summary>
public sealed class SchemaSpelling<TEnum>() : JsonStringEnumConverter<TEnum>(namingPolicy: null, allowIntegerValues: false)
    where TEnum : struct, Enum;
