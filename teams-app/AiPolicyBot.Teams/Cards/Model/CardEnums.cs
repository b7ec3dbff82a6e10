using System.Text.Json.Serialization;

namespace AiPolicyBot.Teams.Cards.Model;

// Adaptive Card enum values are written in their schema spelling. Where the schema spells them like the members
// ("Large", "Bolder"), the enum names SchemaSpelling as its converter; where it spells them in lower case ("heading",
// "emphasis", "positive"), AiPolicyJson's camelCase enum names are already that spelling.

/// <summary>Writes an enum's member names as they are declared (no naming policy).</summary>
public sealed class SchemaSpelling<TEnum>() : JsonStringEnumConverter<TEnum>(namingPolicy: null, allowIntegerValues: false)
    where TEnum : struct, Enum;

[JsonConverter(typeof(SchemaSpelling<TextSize>))]
public enum TextSize
{
    Small,
    Default,
    Medium,
    Large,
    ExtraLarge,
}

[JsonConverter(typeof(SchemaSpelling<TextWeight>))]
public enum TextWeight
{
    Lighter,
    Default,
    Bolder,
}

/// <summary>Never the only carrier of meaning: always say it in words too.</summary>
[JsonConverter(typeof(SchemaSpelling<TextColor>))]
public enum TextColor
{
    Default,
    Dark,
    Light,
    Accent,
    Good,
    Warning,
    Attention,
}

public enum TextBlockStyle
{
    Default,
    Heading,
}

public enum ContainerStyle
{
    Default,
    Emphasis,
    Good,
    Attention,
    Warning,
    Accent,
}

[JsonConverter(typeof(SchemaSpelling<Spacing>))]
public enum Spacing
{
    None,
    Small,
    Default,
    Medium,
    Large,
    ExtraLarge,
    Padding,
}

[JsonConverter(typeof(SchemaSpelling<HorizontalAlignment>))]
public enum HorizontalAlignment
{
    Left,
    Center,
    Right,
}

[JsonConverter(typeof(SchemaSpelling<VerticalAlignment>))]
public enum VerticalAlignment
{
    Top,
    Center,
    Bottom,
}

[JsonConverter(typeof(SchemaSpelling<ImageSize>))]
public enum ImageSize
{
    Auto,
    Stretch,
    Small,
    Medium,
    Large,
}

[JsonConverter(typeof(SchemaSpelling<ImageStyle>))]
public enum ImageStyle
{
    Default,
    Person,
}

public enum ChoiceInputStyle
{
    Compact,
    Expanded,
    Filtered,
}

public enum ActionStyle
{
    Default,
    Positive,
    Destructive,
}

/// <summary>Which inputs an action sends: "auto" (all, validated) or "none" (e.g. Cancel/Back).</summary>
public enum AssociatedInputs
{
    Auto,
    None,
}
