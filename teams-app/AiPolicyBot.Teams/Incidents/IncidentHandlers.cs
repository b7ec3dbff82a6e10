using AiPolicyBot.Application.Incidents;
using AiPolicyBot.Incidents;
using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Protocol;
using Inputs = AiPolicyBot.Teams.Incidents.IncidentVerbs.Inputs;

namespace AiPolicyBot.Teams.Incidents;

/// <summary>
/// Shared flow of the verbs that change a case: the case id from the action data, the command through
/// <see cref="IncidentCases"/> (roles, rules, ETag, audit), and the clicker's fresh card. Anyone who may not see cases
/// gets the same "not yours" card for every id.
/// </summary>
public abstract class IncidentCommandHandler(IncidentCases cases, TimeProvider time) : ICardActionHandler
{
    public const string CaseIdKey = "caseId";

    public abstract string Verb { get; }

    /// <summary>The command, or null for a read (refresh).</summary>
    protected abstract IncidentCommand? Command(CardActionInvoke action, IncidentActor actor);

    protected abstract string DoneNotice { get; }

    public async Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, CardActionInvoke action, CancellationToken ct)
    {
        if (action.GetString(CaseIdKey) is not { } id || !IncidentIds.LooksValid(id)) return InvokeResponseFactory.BadRequest("The card does not name a case (caseId).");
        if (turn.UserAadObjectId is not { Length: > 0 } userId) return InvokeResponseFactory.Card(IncidentCardBuilder.NotYours());
        var actor = new IncidentActor(userId, turn.ActorName);
        var command = Command(action, actor);
        var outcome = command is null ? await cases.GetAsync(id, userId, ct) : await cases.ExecuteAsync(id, command, ct);
        if (outcome.Hidden) return InvokeResponseFactory.Card(IncidentCardBuilder.NotYours());
        if (outcome.Case is null) return InvokeResponseFactory.NotFound($"Incident {id} was not found.");
        var (notice, problem) = outcome.Result?.Status switch
        {
            IncidentCommandStatus.Applied => (DoneNotice, false),
            IncidentCommandStatus.Invalid or IncidentCommandStatus.NotAllowed => (outcome.Result.Problem, true),
            _ => ((string?)null, false),
        };
        return InvokeResponseFactory.Card(IncidentCardBuilder.Build(new IncidentCardContext(outcome.Case.Value, outcome.Roles, time.GetUtcNow(), notice, problem)));
    }
}

public sealed class RefreshIncidentHandler(IncidentCases cases, TimeProvider time) : IncidentCommandHandler(cases, time)
{
    public override string Verb => IncidentVerbs.Refresh;
    protected override IncidentCommand? Command(CardActionInvoke action, IncidentActor actor) => null;
    protected override string DoneNotice => "";
}

public sealed class DecideIncidentHandler(IncidentCases cases, TimeProvider time) : IncidentCommandHandler(cases, time)
{
    public override string Verb => IncidentVerbs.Decide;
    protected override IncidentCommand Command(CardActionInvoke action, IncidentActor actor) =>
        new DecideIncidentCommand(actor, action.GetString(Inputs.Reportable) switch { "true" => true, "false" => false, _ => null }, action.GetString(Inputs.Reason));
    protected override string DoneNotice => "Your decision was recorded.";
}

public sealed class AddIncidentActionHandler(IncidentCases cases, TimeProvider time) : IncidentCommandHandler(cases, time)
{
    public override string Verb => IncidentVerbs.AddAction;
    protected override IncidentCommand Command(CardActionInvoke action, IncidentActor actor) => new AddIncidentActionCommand(actor, action.GetString(Inputs.Action));
    protected override string DoneNotice => "The action was added.";
}

public sealed class CloseIncidentHandler(IncidentCases cases, TimeProvider time) : IncidentCommandHandler(cases, time)
{
    public override string Verb => IncidentVerbs.Close;
    protected override IncidentCommand Command(CardActionInvoke action, IncidentActor actor) => new CloseIncidentCommand(actor, action.GetString(Inputs.Note));
    protected override string DoneNotice => "The case is closed.";
}
