using System.Text.Json;
using AiPolicyBot.Application.Requests;
using AiPolicyBot.Common;
using AiPolicyBot.Contacts;
using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Cards.Conversation;
using AiPolicyBot.Teams.Cards.Model;
using AiPolicyBot.Teams.Conversation.Wizard;
using AiPolicyBot.Teams.Protocol;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Teams.Conversation.Staff;

/// <summary>"Request approval" / "Request a new use": opens the wizard with the prefill the button carries.</summary>
public sealed class StartRequestAction(StaffConversation conversation) : ICardActionHandler
{
    /// <summary>Open the request wizard (data: prefill answers).</summary>
    public const string VerbName = "startRequest";

    public string Verb => VerbName;

    public Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, CardActionInvoke action, CancellationToken ct)
    {
        var prefill = action.Data.ValueKind == JsonValueKind.Object && action.Data.TryGetProperty("prefill", out var p)
            ? WizardState.FromActionData(JsonSerializer.SerializeToElement(new { answers = p }), conversation.AllFields()).Answers
            : new Dictionary<string, string>();
        var state = WizardState.Start(prefill);
        return Task.FromResult(InvokeResponseFactory.Card(RequestWizardCard.Build(state, conversation.Pages())));
    }
}

/// <summary>Next / Back in the wizard. Next checks this page's answers and shows errors on the card, keeping what was typed.</summary>
public sealed class WizardStepAction(StaffConversation conversation, RequestSubmission submission) : ICardActionHandler
{
    /// <summary>Next or back in the wizard (data: sessionId, step, direction, answers).</summary>
    public const string VerbName = "requestWizardStep";

    public string Verb => VerbName;

    public Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, CardActionInvoke action, CancellationToken ct)
    {
        var pages = conversation.Pages();
        var state = WizardState.FromActionData(action.Data, conversation.AllFields());
        state = state.WithPage(Math.Clamp(state.Page, 0, pages.Count - 1));
        var visible = RequestWizardCard.VisiblePages(state, pages);
        var current = pages[state.Page];
        var at = Math.Max(0, visible.IndexOf(current));

        if (action.GetString("direction") == "back")
        {
            var previous = visible[Math.Max(0, at - 1)];
            return Task.FromResult(InvokeResponseFactory.Card(RequestWizardCard.Build(state.WithPage(IndexOf(pages, previous)), pages)));
        }

        var errors = PageErrors(submission.Validate(state.ToIntakeJson()), current);
        if (errors.Count > 0) return Task.FromResult(InvokeResponseFactory.Card(RequestWizardCard.Build(state, pages, errors)));
        var next = visible[Math.Min(visible.Count - 1, at + 1)];
        return Task.FromResult(InvokeResponseFactory.Card(RequestWizardCard.Build(state.WithPage(IndexOf(pages, next)), pages)));
    }

    internal static int IndexOf(IReadOnlyList<WizardPage> pages, WizardPage page) => pages.ToList().IndexOf(page);

    internal static IReadOnlyList<FieldError> PageErrors(IReadOnlyList<FieldError> errors, WizardPage page)
    {
        var fields = page.Questions.Select(q => q.Field).ToHashSet(StringComparer.Ordinal);
        return errors.Where(e => fields.Contains(e.Field)).ToList();
    }
}

/// <summary>
/// Submit: validates everything (errors send the person back to the first page with a problem, answers kept), then
/// the submission service routes, stores and publishes. A double click or a retried invoke returns the same outcome.
/// </summary>
public sealed class SubmitRequestAction(StaffConversation conversation, RequestSubmission submission) : ICardActionHandler
{
    /// <summary>Submit the wizard (data: sessionId, answers).</summary>
    public const string VerbName = "submitRequest";

    public string Verb => VerbName;

    public async Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, CardActionInvoke action, CancellationToken ct)
    {
        var pages = conversation.Pages();
        var state = WizardState.FromActionData(action.Data, conversation.AllFields());
        SubmissionResult result;
        try
        {
            result = await submission.SubmitAsync(new SubmissionCommand(state.SessionId, turn.UserId, turn.UserName, state.ToIntakeJson()), ct);
        }
        catch (SubmissionInProgressException)
        {
            return InvokeResponseFactory.Message("Your request is still being submitted. Please wait a moment and check \"my requests\".");
        }
        if (result.Request is { } request)
        {
            var trainingStillNeeded = request.Outcome.Conditions.Contains(Policy.ConditionCodes.TrainingBeforeFirstUse)
                                      && request.Outcome.Tier == Policy.Tier.AlreadyApproved;
            return InvokeResponseFactory.Card(RequestOutcomeCard.Build(request, trainingStillNeeded));
        }

        var visible = RequestWizardCard.VisiblePages(state, pages);
        var page = visible.FirstOrDefault(p => WizardStepAction.PageErrors(result.Errors, p).Count > 0) ?? visible[^1];
        var errors = WizardStepAction.PageErrors(result.Errors, page);
        return InvokeResponseFactory.Card(RequestWizardCard.Build(state.WithPage(WizardStepAction.IndexOf(pages, page)), pages, errors.Count > 0 ? errors : result.Errors));
    }
}

/// <summary>"I've completed the training" on an answer card: records the attestation.</summary>
public sealed class RecordTrainingAction(StaffConversation conversation, TrainingRecorder recorder) : ICardActionHandler
{
    /// <summary>"I've completed the training" (data: entryId).</summary>
    public const string VerbName = "recordTraining";

    public string Verb => VerbName;

    public async Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, CardActionInvoke action, CancellationToken ct)
    {
        var entryId = action.GetString("entryId");
        var entry = entryId is null ? null : (await conversation.Register.GetAsync(ct)).Get(entryId);
        if (entry is null) return InvokeResponseFactory.BadRequest("That tool is not in the register.");
        var record = await recorder.RecordAsync(turn.UserId, entry, ct);
        return InvokeResponseFactory.Card(TrainingCards.Recorded(entry, record));
    }
}

public sealed class ShowMyRequestsAction(IRequestStore requests) : ICardActionHandler
{
    public const string VerbName = "showMyRequests";

    public string Verb => VerbName;

    public async Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, CardActionInvoke action, CancellationToken ct)
    {
        var mine = await requests.ListByRequesterAsync(turn.UserId, ct);
        return InvokeResponseFactory.Card(MyRequestsCard.Build(mine.Select(r => r.Value).ToList()));
    }
}

public sealed class ShowApprovedToolsAction(StaffConversation conversation) : ICardActionHandler
{
    public const string VerbName = "showApprovedTools";

    public string Verb => VerbName;

    public async Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, CardActionInvoke action, CancellationToken ct)
    {
        var filter = new ApprovedToolsCard.Filter();
        return InvokeResponseFactory.Card(ApprovedToolsCard.Build(ApprovedToolsCard.Select(await conversation.Register.GetAsync(ct), filter, conversation.Today), filter));
    }
}

public sealed class ShowHelpAction(IOptions<TrustContacts>? contacts = null) : ICardActionHandler
{
    public const string VerbName = "showHelp";

    public string Verb => VerbName;

    public Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, CardActionInvoke action, CancellationToken ct) =>
        Task.FromResult(InvokeResponseFactory.Card(HelpCard.Build(welcome: false, contacts?.Value)));
}
