using System.Text.Json.Serialization;

namespace AiPolicyBot.Teams.Cards.Model;

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
