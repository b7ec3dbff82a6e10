using AiPolicyBot.Contacts;
using AiPolicyBot.Register;
using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Cards.Conversation;
using AiPolicyBot.Teams.Cards.Model;
using AiPolicyBot.Teams.Conversation.Understanding;
using AiPolicyBot.Teams.Conversation.Wizard;
using AiPolicyBot.Teams.Incidents;
using Microsoft.Extensions.Options;
using static AiPolicyBot.Teams.Cards.CardActivities;

namespace AiPolicyBot.Teams.Conversation.Staff;

/// <summary>
/// "Can I use X (for this)?": the hot path. Cached register and training; one connector call. Each question counts
/// as demand for the tool (in memory; the message extension lists the most asked-about tools, the dashboard sets them
/// against the register).
/// </summary>
public sealed class AskToolResponder(StaffConversation conversation, IToolDemand demand, StaffAcademies academies) : IIntentResponder
{
    public Intent Intent => Intent.AskTool;

    public async Task RespondAsync(TurnContext turn, Understanding.UnderstoodMessage u, CancellationToken ct)
    {
        if (u.Tool is not { } entry)
        {
            // A tool the register does not know: counted by name only (the dashboard's shadow-AI signal).
            if (u.UnknownToolName is { } unknown) demand.RecordUnknown(unknown);
            var state = WizardState.Start(WizardPrefill.From(u, "newTool"));
            await turn.SendAsync(CardMessage(UnknownToolCard.Build(u.UnknownToolName, u.Text, state, conversation.Pages())), ct);
            return;
        }
        demand.Record(entry.Id);
        var trained = await conversation.Training.CompletedAsync(turn.UserId, ct);
        var academy = await academies.ForAsync(turn.UserId, u.Academy, ct);
        var question = new UseQuestion(u.Hints.MentionsPersonalData, u.Hints.LearnersUse, u.Hints.YoungestYearGroup, u.Hints.UseCategory, academy);
        var assessment = UseCheck.Assess(entry, question, trained, conversation.Today);
        if (assessment.TrainingRequired && !assessment.TrainingDone
            && (await conversation.Training.StateAsync(turn.UserId, entry.Id, ct)).State == AiPolicyBot.Training.TrainingState.Expired)
            assessment = assessment with { TrainingExpired = true };
        await turn.SendAsync(CardMessage(ToolAnswerCard.Build(assessment, u.Text, WizardPrefill.From(u))), ct);
    }
}

/// <summary>"I'd like to request approval for X": the wizard's first page, prefilled from the message.</summary>
public sealed class RequestApprovalResponder(StaffConversation conversation) : IIntentResponder
{
    public Intent Intent => Intent.RequestApproval;

    public Task RespondAsync(TurnContext turn, Understanding.UnderstoodMessage u, CancellationToken ct) =>
        turn.SendAsync(CardMessage(RequestWizardCard.Build(WizardState.Start(WizardPrefill.From(u)), conversation.Pages())), ct);
}

/// <summary>"Which tools are approved (for marking)?": the register's approved entries, filtered by the hints.</summary>
public sealed class ListApprovedResponder(StaffConversation conversation, StaffAcademies academies) : IIntentResponder
{
    public Intent Intent => Intent.ListApproved;

    public async Task RespondAsync(TurnContext turn, Understanding.UnderstoodMessage u, CancellationToken ct)
    {
        var academy = await academies.ForAsync(turn.UserId, u.Academy, ct);
        var filter = new ApprovedToolsCard.Filter(u.Hints.UseCategory, u.Hints.MentionsPersonalData, u.Hints.LearnersUse, u.Hints.YoungestYearGroup, academy);
        var tools = ApprovedToolsCard.Select(await conversation.Register.GetAsync(ct), filter, conversation.Today);
        await turn.SendAsync(CardMessage(ApprovedToolsCard.Build(tools, filter)), ct);
    }
}

/// <summary>"My requests" / "any update on AIP-2026-0042?": the person's own requests, newest first.</summary>
public sealed class MyRequestsResponder(IRequestStore requests) : IIntentResponder
{
    public Intent Intent => Intent.MyRequests;

    public async Task RespondAsync(TurnContext turn, Understanding.UnderstoodMessage u, CancellationToken ct)
    {
        var mine = (await requests.ListByRequesterAsync(turn.UserId, ct)).Select(r => r.Value).ToList();
        await turn.SendAsync(CardMessage(MyRequestsCard.Build(mine, u.Hints.Reference ?? RequestFor(mine, u))), ct);
    }

    /// <summary>"my Gamma request": the newest of the person's requests for the tool the message names.</summary>
    private static string? RequestFor(IReadOnlyList<ToolRequest> mine, Understanding.UnderstoodMessage u)
    {
        if (u.ToolName is not { } name) return null;
        var wanted = ToolNames.Normalise(name);
        return mine.Where(r => ToolNames.Normalise(r.Intake.ToolName) == wanted || (u.Tool is { } t && ToolNames.Normalise(r.Intake.ToolName) == ToolNames.Normalise(t.Name)))
            .OrderByDescending(r => r.SubmittedAt).FirstOrDefault()?.Reference;
    }
}

/// <summary>"I've done the Copilot training": records the attestation, or asks which tool.</summary>
public sealed class TrainingDoneResponder(TrainingRecorder recorder) : IIntentResponder
{
    public Intent Intent => Intent.TrainingDone;

    public async Task RespondAsync(TurnContext turn, Understanding.UnderstoodMessage u, CancellationToken ct)
    {
        if (u.Tool is { } entry)
        {
            var record = await recorder.RecordAsync(turn.UserId, entry, ct);
            await turn.SendAsync(CardMessage(TrainingCards.Recorded(entry, record)), ct);
            return;
        }
        await turn.SendAsync(CardMessage(TrainingCards.WhichTool(await recorder.ToolsNeedingTrainingAsync(ct))), ct);
    }
}

/// <summary>"Help", "what can you do?": the help card.</summary>
public sealed class HelpResponder(IOptions<TrustContacts>? contacts = null) : IIntentResponder
{
    public Intent Intent => Intent.Help;

    public Task RespondAsync(TurnContext turn, Understanding.UnderstoodMessage u, CancellationToken ct) =>
        turn.SendAsync(CardMessage(HelpCard.Build(welcome: false, contacts?.Value)), ct);
}

/// <summary>
/// "What do I need to approve?" until the approvals part registers its own responder for this intent.
/// </summary>
public sealed class PendingApprovalsFallbackResponder : IIntentResponder
{
    public Intent Intent => Intent.PendingApprovals;

    public Task RespondAsync(TurnContext turn, Understanding.UnderstoodMessage u, CancellationToken ct) =>
        turn.SendTextAsync("If you're an approver, approval cards for requests waiting for you are posted here as they arrive. " +
                           "I can't list them in this chat yet.", ct);
}

/// <summary>
/// Greetings, thanks, off-topic, and reports of incidents or concerns (pointed to Information Assurance): a short
/// reply on a card with the four ways on, never a bare sentence. While the register is empty, a message the bot cannot
/// place gets the plain "not set up yet" reply instead.
/// </summary>
public sealed class OtherResponder(IOptions<TrustContacts>? contacts = null, RegisterCache? register = null) : IIntentResponder
{
    public Intent Intent => Intent.Other;

    public async Task RespondAsync(TurnContext turn, Understanding.UnderstoodMessage u, CancellationToken ct)
    {
        var reply = OtherReplies.For(u.Text, contacts?.Value);
        if (reply == OtherReplies.Fallback && register is not null && (await register.GetAsync(ct)).Entries.Count == 0)
        {
            await turn.SendTextAsync(RegisterNotSetUp.Text(contacts?.Value), ct);
            return;
        }
        var card = ClarifyCard.NotPlaced(reply, u.Text);
        // A concern can go straight to the DPO as an incident case (nothing the person wrote is kept with it).
        if (OtherReplies.IsConcern(u.Text))
            card = card with
            {
                Actions = [new ExecuteAction { Title = "Report this to the DPO", Verb = IncidentVerbs.Raise, Style = ActionStyle.Positive }, .. card.Actions ?? []],
            };
        await turn.SendAsync(CardMessage(card), ct);
    }
}
