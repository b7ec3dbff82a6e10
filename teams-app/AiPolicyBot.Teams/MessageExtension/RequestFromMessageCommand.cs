using AiPolicyBot.Common;
using AiPolicyBot.Register;
using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Conversation.Staff;
using AiPolicyBot.Teams.Conversation.Wizard;
using AiPolicyBot.Teams.Protocol;

namespace AiPolicyBot.Teams.MessageExtension;

/// <summary>
/// "Request approval from message" (message action): the request form with the purpose prefilled from the message
/// text, and the tool, use and data answers the bot's own understanding finds in it (as when someone types the same
/// words to the bot).
/// </summary>
public sealed class RequestFromMessageCommand(StaffConversation conversation, IToolDemand demand, RequestForm form) : IActionCommand
{
    /// <summary>"Request approval from message" (message action). The id of manifest/manifest.json (composeExtensions[0].commands).</summary>
    public const string Id = "requestFromMessage";

    public string CommandId => Id;

    public async Task<InvokeResponse> FetchTaskAsync(TurnContext turn, ComposeExtensionAction action, CancellationToken ct)
    {
        var message = action.Message ?? throw new ValidationFailedException([new FieldError("value.messagePayload", "is required for a message action")]);
        var understanding = await conversation.UnderstandAsync(message.Text, ct);
        var prefill = WizardPrefill.From(understanding);
        if (message.Text.Length > 0) prefill["purpose"] = RequestForm.Purpose(message.Text);
        if (understanding.Tool is { } tool) demand.Record(tool.Id);
        return form.Open(prefill, note: understanding.ToolName is { } name
            ? $"From the message: {name}. Please check every answer before you submit."
            : "From the message. Please check every answer before you submit.");
    }

    public Task<InvokeResponse> SubmitAsync(TurnContext turn, ComposeExtensionAction action, CancellationToken ct) =>
        form.HandleSubmitAsync(turn, action, ct);
}
