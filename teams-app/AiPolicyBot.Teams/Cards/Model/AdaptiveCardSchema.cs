using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using AiPolicyBot.Common;

namespace AiPolicyBot.Teams.Cards.Model;

// The Adaptive Card 1.5 element model in one file, as the schema reads: the card, the element base with its spacing,
// text, layout and input elements, then the actions. Records and enums only (a card writes itself as JSON, two
// constructors name common shapes); what goes on a card is decided by the builders in Cards/ and Approvals/Cards/.

/// <summary>
/// An Adaptive Card 1.5 (the version Teams needs for Universal Actions). Every card AiPolicyBot sends is built from
/// this model and serialised with <see cref="AiPolicyJson.Options"/>; never hand-write card JSON elsewhere.
/// Text that users typed must go through <see cref="CardText.Escape"/> before it lands in a TextBlock or Fact.
/// </summary>
public sealed record AdaptiveCard
{
    /// <summary>The attachment contentType for Adaptive Cards (not the "…adaptive.card" typo of an old sample).</summary>
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";

    [JsonPropertyOrder(-3)] public string Type => "AdaptiveCard";
    [JsonPropertyOrder(-2), JsonPropertyName("$schema")] public string Schema => SchemaUrl;
    [JsonPropertyOrder(-1)] public string Version { get; init; } = "1.5";

    public IReadOnlyList<CardElement> Body { get; init; } = [];
    public IReadOnlyList<CardAction>? Actions { get; init; }

    /// <summary>Universal Actions refresh (docs/teams-channel.md): only a stable id in the action's data.</summary>
    public CardRefresh? Refresh { get; init; }

    /// <summary>Shown by clients that cannot render the card (and in notifications).</summary>
    public string? FallbackText { get; init; }

    [JsonPropertyName("msteams")] public TeamsCardProperties? MsTeams { get; init; }

    public JsonObject ToJsonObject() =>
        JsonSerializer.SerializeToNode(this, AiPolicyJson.Options)!.AsObject();

    public string ToJson() => JsonSerializer.Serialize(this, AiPolicyJson.Options);
}

/// <summary>
/// refresh = { action: Action.Execute, userIds: [...] }. userIds is always written: [] turns automatic refresh off,
/// leaving it out would auto-refresh for everyone in chats of up to 60 people. At most 60 user MRIs (29:…).
/// </summary>
public sealed record CardRefresh
{
    public const int MaxUserIds = 60;

    [JsonIgnore] public required ExecuteAction Action { get; init; }

    // Written through the base type so the "type": "Action.Execute" discriminator is emitted.
    [JsonInclude, JsonPropertyName("action")] private CardAction SerializedAction => Action;

    public required IReadOnlyList<string> UserIds { get; init; }
}

/// <summary>The Teams-only "msteams" card property.</summary>
public sealed record TeamsCardProperties
{
    public static readonly TeamsCardProperties FullWidth = new() { Width = "Full" };

    /// <summary>"Full" stretches the card to the width of the chat.</summary>
    public string? Width { get; init; }
}

/// <summary>
/// Base of every body element. The "type" discriminator is written by System.Text.Json whenever an element is
/// serialised through this base type (body, items, columns' items), so a new element type must be listed here.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(RichTextBlock), "RichTextBlock")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(Image), "Image")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(InputText), "Input.Text")]
[JsonDerivedType(typeof(InputChoiceSet), "Input.ChoiceSet")]
[JsonDerivedType(typeof(InputToggle), "Input.Toggle")]
[JsonDerivedType(typeof(InputDate), "Input.Date")]
public abstract record CardElement
{
    [JsonPropertyOrder(-1)] public string? Id { get; init; }
    public Spacing? Spacing { get; init; }
    public bool? Separator { get; init; }

    /// <summary>Hidden until an Action.ToggleVisibility shows it; only written when false.</summary>
    public bool? IsVisible { get; init; }
}

// Adaptive Card enum values are written in their schema spelling. Where the schema spells them like the members
// ("Large", "Bolder"), the enum names SchemaSpelling as its converter; where it spells them in lower case ("heading",
// "emphasis", "positive"), AiPolicyJson's camelCase enum names are already that spelling. Each enum is declared
// beside the element that uses it (Spacing, used by elements and columns, just below).

/// <summary>Writes an enum's member names as they are declared (no naming policy).</summary>
public sealed class SchemaSpelling<TEnum>() : JsonStringEnumConverter<TEnum>(namingPolicy: null, allowIntegerValues: false)
    where TEnum : struct, Enum;

/// <summary>The space above an element or a column (<see cref="CardElement.Spacing"/>, <see cref="Column.Spacing"/>).</summary>
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

/// <summary>
/// Base of every input. Inputs always have an id and a visible label; a required input needs an error message
/// (Teams shows it on the card, keeping what was typed).
/// </summary>
public abstract record CardInput : CardElement
{
    [JsonPropertyOrder(-1)] public new required string Id { get => base.Id!; init => base.Id = value; }
    [JsonPropertyOrder(-1)] public string? Label { get; init; }
    public bool? IsRequired { get; init; }
    public string? ErrorMessage { get; init; }
}

public sealed record InputText : CardInput
{
    /// <summary>A required multiline box (a reason, a question, an answer), capped as the rule behind it caps it.</summary>
    public static InputText RequiredMultiline(string id, string label, string errorMessage, int maxLength) => new()
    {
        Id = id,
        Label = label,
        IsRequired = true,
        IsMultiline = true,
        MaxLength = maxLength,
        ErrorMessage = errorMessage,
    };

    public string? Placeholder { get; init; }
    public bool? IsMultiline { get; init; }
    public int? MaxLength { get; init; }

    /// <summary>Prefill (e.g. to keep what the user typed after a validation error). Plain text, no escaping.</summary>
    public string? Value { get; init; }

    /// <summary>A client-side check; the handler must validate again.</summary>
    public string? Regex { get; init; }
}

public sealed record InputChoiceSet : CardInput
{
    public required IReadOnlyList<Choice> Choices { get; init; }
    public ChoiceInputStyle? Style { get; init; }
    public bool? IsMultiSelect { get; init; }

    /// <summary>Selected value(s); several are comma-separated.</summary>
    public string? Value { get; init; }

    public string? Placeholder { get; init; }
}

public enum ChoiceInputStyle
{
    Compact,
    Expanded,
    Filtered,
}

public sealed record Choice(string Title, string Value);

public sealed record InputToggle : CardInput
{
    public required string Title { get; init; }

    /// <summary>"true"/"false" unless ValueOn/ValueOff say otherwise.</summary>
    public string? Value { get; init; }

    public string? ValueOn { get; init; }
    public string? ValueOff { get; init; }
}

public sealed record InputDate : CardInput
{
    /// <summary>yyyy-MM-dd.</summary>
    public string? Value { get; init; }

    public string? Min { get; init; }
    public string? Max { get; init; }
    public string? Placeholder { get; init; }
}

/// <summary>Base of every action; the "type" discriminator is written when serialised through this type.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
[JsonDerivedType(typeof(ToggleVisibilityAction), "Action.ToggleVisibility")]
public abstract record CardAction
{
    public string? Id { get; init; }
    public string? Title { get; init; }
    public ActionStyle? Style { get; init; }
    public string? Tooltip { get; init; }
}

public enum ActionStyle
{
    Default,
    Positive,
    Destructive,
}

/// <summary>
/// Universal Action: Teams sends an adaptiveCard/action invoke with the verb and data merged with the inputs, and
/// the reply can replace the card (docs/teams-channel.md). One handler class per verb.
/// </summary>
public sealed record ExecuteAction : CardAction
{
    public required string Verb { get; init; }

    /// <summary>Serialised with its runtime type: a small record or dictionary with stable ids only.</summary>
    public object? Data { get; init; }

    public AssociatedInputs? AssociatedInputs { get; init; }
}

/// <summary>Which inputs an action sends: "auto" (all, validated) or "none" (e.g. Cancel/Back).</summary>
public enum AssociatedInputs
{
    Auto,
    None,
}

/// <summary>For dialog (task module) cards, which cannot use Action.Execute (docs/teams-channel.md).</summary>
public sealed record SubmitAction : CardAction
{
    public object? Data { get; init; }
    public AssociatedInputs? AssociatedInputs { get; init; }
}

/// <summary>The only action Outlook supports in inserted message-extension cards.</summary>
public sealed record OpenUrlAction : CardAction
{
    public required string Url { get; init; }
}

public sealed record ShowCardAction : CardAction
{
    /// <summary>The inline card; its version and $schema are ignored by clients but harmless.</summary>
    public required AdaptiveCard Card { get; init; }

    /// <summary>A button that opens a small form under it: the inputs, then the one Action.Execute that sends them.</summary>
    public static ShowCardAction Form(string title, IReadOnlyList<CardElement> inputs, ExecuteAction submit) =>
        new() { Title = title, Card = new AdaptiveCard { Body = inputs, Actions = [submit] } };
}

public sealed record ToggleVisibilityAction : CardAction
{
    /// <summary>Ids of the elements whose visibility flips.</summary>
    public required IReadOnlyList<string> TargetElements { get; init; }
}
