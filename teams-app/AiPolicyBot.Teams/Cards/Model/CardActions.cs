using System.Text.Json.Serialization;

namespace AiPolicyBot.Teams.Cards.Model;

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
