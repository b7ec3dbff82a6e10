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
    public HorizontalAlignment? HorizontalAlignment { get; init; }

    /// <summary>heading marks the text as a heading for screen readers.</summary>
    public TextBlockStyle? Style { get; init; }
}

/// <summary>Mixed formatting in one paragraph. TextRuns are not Markdown: use <see cref="CardText.Plain"/>.</summary>
public sealed record RichTextBlock : CardElement
{
    public required IReadOnlyList<TextRun> Inlines { get; init; }
    public HorizontalAlignment? HorizontalAlignment { get; init; }
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
