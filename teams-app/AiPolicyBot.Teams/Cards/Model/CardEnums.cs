using System.Text.Json.Serialization;

namespace AiPolicyBot.Teams.Cards.Model;

// Adaptive Card enum values are written in their schema spelling ("Large", "Bolder"), whatever the naming policy of
// AiPolicyJson.Options: JsonStringEnumMemberName wins over the converter's camelCase policy.

public enum TextSize
{
    [JsonStringEnumMemberName("Small")] Small,
    [JsonStringEnumMemberName("Default")] Default,
    [JsonStringEnumMemberName("Medium")] Medium,
    [JsonStringEnumMemberName("Large")] Large,
    [JsonStringEnumMemberName("ExtraLarge")] ExtraLarge,
}

public enum TextWeight
{
    [JsonStringEnumMemberName("Lighter")] Lighter,
    [JsonStringEnumMemberName("Default")] Default,
    [JsonStringEnumMemberName("Bolder")] Bolder,
}

/// <summary>Never the only carrier of meaning: always say it in words too.</summary>
public enum TextColor
{
    [JsonStringEnumMemberName("Default")] Default,
    [JsonStringEnumMemberName("Dark")] Dark,
    [JsonStringEnumMemberName("Light")] Light,
    [JsonStringEnumMemberName("Accent")] Accent,
    [JsonStringEnumMemberName("Good")] Good,
    [JsonStringEnumMemberName("Warning")] Warning,
    [JsonStringEnumMemberName("Attention")] Attention,
}

public enum TextBlockStyle
{
    [JsonStringEnumMemberName("default")] Default,
    [JsonStringEnumMemberName("heading")] Heading,
}

public enum ContainerStyle
{
    [JsonStringEnumMemberName("default")] Default,
    [JsonStringEnumMemberName("emphasis")] Emphasis,
    [JsonStringEnumMemberName("good")] Good,
    [JsonStringEnumMemberName("attention")] Attention,
    [JsonStringEnumMemberName("warning")] Warning,
    [JsonStringEnumMemberName("accent")] Accent,
}

public enum Spacing
{
    [JsonStringEnumMemberName("None")] None,
    [JsonStringEnumMemberName("Small")] Small,
    [JsonStringEnumMemberName("Default")] Default,
    [JsonStringEnumMemberName("Medium")] Medium,
    [JsonStringEnumMemberName("Large")] Large,
    [JsonStringEnumMemberName("ExtraLarge")] ExtraLarge,
    [JsonStringEnumMemberName("Padding")] Padding,
}

public enum HorizontalAlignment
{
    [JsonStringEnumMemberName("Left")] Left,
    [JsonStringEnumMemberName("Center")] Center,
    [JsonStringEnumMemberName("Right")] Right,
}

public enum VerticalAlignment
{
    [JsonStringEnumMemberName("Top")] Top,
    [JsonStringEnumMemberName("Center")] Center,
    [JsonStringEnumMemberName("Bottom")] Bottom,
}

public enum ImageSize
{
    [JsonStringEnumMemberName("Auto")] Auto,
    [JsonStringEnumMemberName("Stretch")] Stretch,
    [JsonStringEnumMemberName("Small")] Small,
    [JsonStringEnumMemberName("Medium")] Medium,
    [JsonStringEnumMemberName("Large")] Large,
}

public enum ImageStyle
{
    [JsonStringEnumMemberName("Default")] Default,
    [JsonStringEnumMemberName("Person")] Person,
}

public enum ChoiceInputStyle
{
    [JsonStringEnumMemberName("compact")] Compact,
    [JsonStringEnumMemberName("expanded")] Expanded,
    [JsonStringEnumMemberName("filtered")] Filtered,
}

public enum ActionStyle
{
    [JsonStringEnumMemberName("default")] Default,
    [JsonStringEnumMemberName("positive")] Positive,
    [JsonStringEnumMemberName("destructive")] Destructive,
}

/// <summary>Which inputs an action sends: "auto" (all, validated) or "none" (e.g. Cancel/Back).</summary>
public enum AssociatedInputs
{
    [JsonStringEnumMemberName("auto")] Auto,
    [JsonStringEnumMemberName("none")] None,
}
