using AiPolicyBot.Common;
using AiPolicyBot.Register;
using AiPolicyBot.Teams.Cards.MessageExtension;
using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Protocol;

namespace AiPolicyBot.Teams.MessageExtension;

/// <summary>
/// "Check AI tools in this message" (message action): every register tool the message mentions, with its status, in
/// a dialog; each tool's button opens the request form (submitAction with msgextAction openRequestForm).
/// </summary>
public sealed class CheckMessageCommand(RegisterCache register, IToolDemand demand, RequestForm form, TimeProvider time) : IActionCommand
{
    /// <summary>"Check AI tools in this message" (message action). The id of manifest/manifest.json (composeExtensions[0].commands).</summary>
    public const string Id = "checkMessage";

    public string CommandId => Id;

    public async Task<InvokeResponse> FetchTaskAsync(TurnContext turn, ComposeExtensionAction action, CancellationToken ct)
    {
        var message = action.Message ?? throw new ValidationFailedException([new FieldError("value.messagePayload", "is required for a message action")]);
        var search = (await register.GetAsync(ct)).Search;
        var found = search.FindAllInText(message.Text);
        foreach (var m in found) demand.Record(m.Entry!.Id);
        var unknown = found.Count == 0 ? search.FindInText(message.Text).UnknownToolName : null;
        var card = MessageToolsCard.Build(found, unknown, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        return InvokeResponseFactory.DialogCard(MessageToolsCard.Title, card.ToJsonObject(), "medium", "medium");
    }

    public Task<InvokeResponse> SubmitAsync(TurnContext turn, ComposeExtensionAction action, CancellationToken ct) =>
        form.HandleSubmitAsync(turn, action, ct);
}
