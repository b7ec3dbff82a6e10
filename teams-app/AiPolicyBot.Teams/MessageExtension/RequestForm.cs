using System.Text.Json;
using AiPolicyBot.Application.Requests;
using AiPolicyBot.Common;
using AiPolicyBot.Register;
using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Cards.MessageExtension;
using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Conversation.Staff;
using AiPolicyBot.Teams.Conversation.Wizard;
using AiPolicyBot.Teams.Protocol;
using Microsoft.Extensions.Logging;

namespace AiPolicyBot.Teams.MessageExtension;

/// <summary>
/// The request form of the action commands: opens it (prefilled) in a dialog and submits it through the SAME
/// <see cref="RequestSubmission"/> as the bot's wizard (validate, route, store, audit, publish). Teams retries a slow
/// submitAction, so the submission is keyed by the form's session id (one per opened form; the activity id when a
/// client sends none): two identical submits create one request and both answer with it. Field errors come back as
/// the form again, answers kept; success is the outcome card in the dialog.
/// </summary>
public sealed class RequestForm(StaffConversation conversation, RequestSubmission submission, ChatDeepLink links, ILogger<RequestForm> logger)
{
    public const string Source = "messageExtension";

    public InvokeResponse Open(IReadOnlyDictionary<string, string> prefill, string? note = null) =>
        Continue(RequestFormCard.Build(conversation.Pages(), WizardState.Start(prefill), note: note));

    /// <summary>Prefill for one register tool (the buttons of the check card), with the message text as the purpose.</summary>
    public async Task<Dictionary<string, string>> PrefillForToolAsync(string? toolId, string? requestType, string? purpose, CancellationToken ct)
    {
        var prefill = new Dictionary<string, string>(StringComparer.Ordinal);
        if (toolId is not null && (await conversation.Register.GetAsync(ct)).Get(toolId) is { } entry)
        {
            prefill["toolName"] = entry.Name;
            if (entry.Vendor is { } vendor) prefill["vendor"] = vendor;
            if (entry.Edition is { } edition) prefill["edition"] = JsonNamingPolicy.CamelCase.ConvertName(edition.ToString());
            prefill["requestType"] = entry.Status is RegisterStatus.Approved or RegisterStatus.ApprovedNoPersonalData ? "newUse" : "newTool";
        }
        if (requestType is "newTool" or "newUse" or "renewal" or "changeOfScope") prefill["requestType"] = requestType;
        if (!string.IsNullOrWhiteSpace(purpose)) prefill["purpose"] = Purpose(purpose);
        return prefill;
    }

    /// <summary>The message text as a purpose answer, within the wizard's answer length.</summary>
    public static string Purpose(string text) =>
        text.Length > WizardState.MaxAnswerLength ? text[..(WizardState.MaxAnswerLength - 1)] + "…" : text;

    /// <summary>
    /// What a dialog of an action command submitted: the form (<see cref="RequestFormCard.SubmitRequest"/>) or a
    /// button asking for it (<see cref="MessageToolsCard.OpenRequestForm"/>).
    /// </summary>
    public async Task<InvokeResponse> HandleSubmitAsync(TurnContext turn, ComposeExtensionAction action, CancellationToken ct)
    {
        switch (action.DataString("msgextAction"))
        {
            case RequestFormCard.SubmitRequest:
                return await SubmitAsync(turn, action, ct);
            case MessageToolsCard.OpenRequestForm:
                return Open(await PrefillForToolAsync(action.DataString("toolId"), action.DataString("requestType"), action.Message?.Text, ct));
            default:
                throw new ValidationFailedException([new FieldError("value.data.msgextAction",
                    $"must be '{RequestFormCard.SubmitRequest}' or '{MessageToolsCard.OpenRequestForm}'")]);
        }
    }

    private async Task<InvokeResponse> SubmitAsync(TurnContext turn, ComposeExtensionAction action, CancellationToken ct)
    {
        var state = WizardState.FromActionData(action.Data, conversation.AllFields());
        var sessionId = action.DataString("sessionId") == state.SessionId ? state.SessionId : null;
        var submissionId = sessionId is not null ? "me:" + sessionId
            : turn.Activity.Id is { Length: > 0 } activityId ? "me-activity:" + activityId
            : throw new ValidationFailedException([new FieldError("value.data.sessionId", "is required (the form's session id)")]);

        SubmissionResult result;
        try
        {
            result = await submission.SubmitAsync(new SubmissionCommand(submissionId, turn.UserId,
                turn.UserName, state.ToIntakeJson(), Source), ct);
        }
        catch (SubmissionInProgressException)
        {
            return InvokeResponseFactory.DialogMessage("Your request is still being submitted. Please wait a moment, then ask AI Policy Helper for \"my requests\".");
        }

        if (result.Request is { } request)
        {
            if (result.Repeated) logger.LogInformation("Repeated message-extension submit answered with the existing request");
            var trainingStillNeeded = request.Outcome.Conditions.Contains(Policy.ConditionCodes.TrainingBeforeFirstUse)
                                      && request.Outcome.Tier == Policy.Tier.AlreadyApproved;
            var card = RequestSubmittedCard.Build(request, links.WithMessage("my requests"), trainingStillNeeded);
            return Continue(card, "Request submitted");
        }

        // Same state, same session: the corrected form submits under the same idempotency key.
        var again = RequestFormCard.Build(conversation.Pages(), state, result.Errors);
        return Continue(again);
    }

    private static InvokeResponse Continue(Cards.Model.AdaptiveCard card, string title = RequestFormCard.Title) =>
        InvokeResponseFactory.DialogCard(title, card.ToJsonObject(), "large", "medium");
}
