using System.Text.Json.Serialization;

namespace AiPolicyBot.Teams.Cards.Model;

/// <summary>Markdown-capable text. Pass user-typed text through <see cref="CardText.Escape"/> first.</summary>
public sealed record TextBlock : CardElement
{
    public required string Text { get; init; }

    /// <summary>On by default: Teams truncates unwrapped text to one line.</summary>
    public bool? Wrap { get; init; } = true;

    public TextSize? Size { get; init; }
    public TextWeight? Weight { get; init; }
    public TextColor? Color { get; init; }
    public bool? IsSubtle { get; init; }
    public int? MaxLines { get; init; }

    /// <summary>heading marks the text as a heading for screen readers.</summary>
    public TextBlockStyle? Style { get; init; }
}

/// <summary>Mixed formatting in one paragraph. TextRuns are not Markdown: use <see cref="CardText.Plain"/>.</summary>
public sealed record RichTextBlock : CardElement
{
    public required IReadOnlyList<TextRun> Inlines { get; init; }
}

public sealed record TextRun
{
    public string Type => "TextRun";
    public required string Text { get; init; }
    public TextSize? Size { get; init; }
    public TextWeight? Weight { get; init; }
    public TextColor? Color { get; init; }
    public bool? IsSubtle { get; init; }
    public bool? Italic { get; init; }
    public bool? Highlight { get; init; }
}

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
