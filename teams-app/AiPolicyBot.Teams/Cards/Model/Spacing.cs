using System.Text.Json.Serialization;

namespace AiPolicyBot.Teams.Cards.Model;

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
