using System.Text.Json;
using AiPolicyBot.Common;

namespace AiPolicyBot.Teams.MessageExtension;

/// <summary>
/// The value of composeExtension/fetchTask and submitAction (docs/teams-channel.md): the command, where it was
/// started (<c>compose</c>, <c>commandbox</c>, <c>message</c>), the dialog's submitted data, and for message actions
/// the message it was started from.
/// </summary>
public sealed record ComposeExtensionAction(string CommandId, string? CommandContext, JsonElement Data, SourceMessage? Message)
{
    public static ComposeExtensionAction Parse(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } v)
            throw new ValidationFailedException([new FieldError("value", "is required: the action invoke's value object")]);
        var commandId = ComposeExtensionQuery.String(v, "commandId");
        if (string.IsNullOrWhiteSpace(commandId))
            throw new ValidationFailedException([new FieldError("value.commandId", "is required")]);
        var data = v.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d.Clone() : default;
        return new ComposeExtensionAction(commandId, ComposeExtensionQuery.String(v, "commandContext"), data, SourceMessage.From(v));
    }

    /// <summary>True after the user pressed the just-in-time install card's button (data.msteams.justInTimeInstall).</summary>
    public bool IsJustInTimeInstall =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty("msteams", out var m) && m.ValueKind == JsonValueKind.Object
        && m.TryGetProperty("justInTimeInstall", out var j) && j.ValueKind == JsonValueKind.True;

    /// <summary>A string from the submitted data, or null.</summary>
    public string? DataString(string name) => ComposeExtensionQuery.String(Data, name);
}

/// <summary>The message a message action was started from: its id, plain text and link.</summary>
public sealed record SourceMessage(string? Id, string Text, string? LinkToMessage)
{
    public static SourceMessage? From(JsonElement value)
    {
        if (!value.TryGetProperty("messagePayload", out var m) || m.ValueKind != JsonValueKind.Object) return null;
        string? content = null, contentType = null;
        if (m.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.Object)
        {
            content = ComposeExtensionQuery.String(body, "content");
            contentType = ComposeExtensionQuery.String(body, "contentType");
        }
        var text = MessageText.FromBody(content, contentType);
        var subject = ComposeExtensionQuery.String(m, "subject");
        if (!string.IsNullOrWhiteSpace(subject)) text = MessageText.FromBody(subject, "text") + "\n" + text;
        return new SourceMessage(ComposeExtensionQuery.String(m, "id"), text.Trim(), ComposeExtensionQuery.String(m, "linkToMessage"));
    }
}
