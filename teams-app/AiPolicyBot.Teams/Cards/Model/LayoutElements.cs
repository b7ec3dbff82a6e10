using System.Text.Json.Serialization;

namespace AiPolicyBot.Teams.Cards.Model;

public sealed record Container : CardElement
{
    public required IReadOnlyList<CardElement> Items { get; init; }
    public ContainerStyle? Style { get; init; }

    /// <summary>Lets a styled container reach the card's edges.</summary>
    public bool? Bleed { get; init; }

    public CardAction? SelectAction { get; init; }
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

public sealed record ColumnSet : CardElement
{
    public required IReadOnlyList<Column> Columns { get; init; }
    public ContainerStyle? Style { get; init; }
    public bool? Bleed { get; init; }
}

/// <summary>A column of a <see cref="ColumnSet"/> (never a body element on its own).</summary>
public sealed record Column
{
    public string Type => "Column";
    public string? Id { get; init; }
    public required IReadOnlyList<CardElement> Items { get; init; }

    /// <summary>"auto", "stretch", a weight such as "2", or pixels such as "50px".</summary>
    public string? Width { get; init; }

    public ContainerStyle? Style { get; init; }
    public Spacing? Spacing { get; init; }
    public bool? Separator { get; init; }
}

/// <summary>Label/value pairs. Both support Markdown, so escape user text.</summary>
public sealed record FactSet : CardElement
{
    public required IReadOnlyList<Fact> Facts { get; init; }
}

public sealed record Fact(string Title, string Value);

public sealed record Image : CardElement
{
    public required string Url { get; init; }

    /// <summary>Alternative text for screen readers; required by AiPolicyBot's accessibility rule.</summary>
    public required string AltText { get; init; }

    public ImageSize? Size { get; init; }
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

/// <summary>Actions placed inside the body (e.g. per section), rather than at the card's foot.</summary>
public sealed record ActionSet : CardElement
{
    public required IReadOnlyList<CardAction> Actions { get; init; }
}
