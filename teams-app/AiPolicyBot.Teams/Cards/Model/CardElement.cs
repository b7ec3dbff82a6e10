using System.Text.Json.Serialization;

namespace AiPolicyBot.Teams.Cards.Model;

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
