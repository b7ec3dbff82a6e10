using Microsoft.ML.Data;

namespace AiPolicyBot.Language.Conversation;

/// <summary>The model's input row: the message text as <see cref="IntentText.Prepare"/> leaves it, and the label.</summary>
public sealed class IntentModelInput
{
    public string Text { get; set; } = "";
    public string Intent { get; set; } = "";
}

/// <summary>The model's output row: one probability per intent, in the order of the label's key values.</summary>
public sealed class IntentModelOutput
{
    [ColumnName("Score")] public float[] Score { get; set; } = [];
}
