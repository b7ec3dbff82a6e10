using System.Globalization;
using AiPolicyBot.Application.Approvals;
using AiPolicyBot.Approvals;
using AiPolicyBot.Policy;
using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Approvals.Cards;
using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Protocol;

namespace AiPolicyBot.Teams.Approvals.Handlers;

/// <summary>
/// The verbs that change a request, one class each over one shared flow: read the reference the card carries (a
/// stable id, never state), build the command from the card's inputs, apply it through the
/// <see cref="ApprovalWorkflow"/> (authorization, ETag, the request and its follow-up event) and answer with the
/// clicker's fresh card, built from memory (<see cref="ApprovalCardService.AnswerCard"/>). Anyone who may see the
/// request but not act gets the read-only card, never an error that says why; anyone who may not see it gets the same
/// "not yours" card for every reference (<see cref="RequestVisibility"/>).
/// Each handler declares its verb and the input ids it reads, so the card that sends them names the handler's.
/// </summary>
public abstract class ApprovalCommandHandler(string verb, ApprovalWorkflow workflow, ApprovalCardService cards) : ICardActionHandler
{
    /// <summary>JSON name of the reference in the action data, as AiPolicyJson writes <c>ApprovalActionData.Reference</c>.</summary>
    public const string ReferenceKey = "reference";

    // The inputs of a decision form that every decision reads (Teams merges input values into the action data).
    /// <summary>The roles a person holding several chooses to decide for (comma-separated).</summary>
    public const string RolesInput = "roles";
    public const string ScopeUsersInput = "scopeUsers";
    public const string ScopeYearGroupInput = "scopeYearGroup";
    public const string ScopeDataInput = "scopeData";
    public const string ScopeAcademyOnlyInput = "scopeAcademyOnly";
    public const string ReviewDateInput = "reviewDate";

    internal const string NoReference = "The card does not name a request (reference).";

    public string Verb => verb;

    protected abstract ApprovalCommand Command(CardActionInvoke action, ApprovalActor actor);

    protected abstract string DoneNotice(ToolRequest request);

    /// <summary>The well-formed reference the action names, or null.</summary>
    internal static string? Reference(CardActionInvoke action) =>
        action.GetString(ReferenceKey) is { Length: > 0 } reference && RequestReference.TryParse(reference, out _, out _) ? reference : null;

    internal static string NotFound(string reference) => $"Request {reference} was not found.";

    public async Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, CardActionInvoke action, CancellationToken ct)
    {
        if (Reference(action) is not { } reference) return InvokeResponseFactory.BadRequest(NoReference);
        // Nobody we can identify may see a request.
        if (turn.UserAadObjectId is not { Length: > 0 } userId) return InvokeResponseFactory.Card(NotYoursCard.Build());
        var actor = new ApprovalActor(userId, turn.ActorName);

        ApprovalCommand command;
        try
        {
            command = Command(action, actor);
        }
        catch (CardInputException e)
        {
            return InvokeResponseFactory.BadRequest($"'{e.Field}' is not valid.");
        }
        var outcome = await workflow.ExecuteAsync(reference, command, ct);
        if (outcome.Hidden) return InvokeResponseFactory.Card(NotYoursCard.Build());
        if (outcome.Request is null) return InvokeResponseFactory.NotFound(NotFound(reference));
        var request = outcome.Request.Value;
        var (notice, problem) = outcome.Status switch
        {
            TransitionStatus.Applied => (DoneNotice(request), false),
            TransitionStatus.Repeated => ("Already recorded.", false),
            TransitionStatus.Invalid => (outcome.Result!.Problem, true),
            // Not allowed or no longer possible: show the current state, read-only for them, without saying more.
            _ => ((string?)null, false),
        };
        return InvokeResponseFactory.Card(cards.AnswerCard(request, outcome.Directory, userId, notice, problem));
    }

    /// <summary>A decide command with the roles chosen and, for an approval, the narrowed scope and review date.</summary>
    protected static DecideCommand Decide(CardActionInvoke action, ApprovalActor actor, DecisionKind kind, string? comment, IReadOnlyList<string> conditions) =>
        new(actor, kind, comment, conditions)
        {
            Roles = action.GetList(RolesInput) is { Count: > 0 } roles ? roles : null,
            Scope = kind == DecisionKind.Reject ? null : Scope(action),
            ReviewDate = kind == DecisionKind.Reject ? null : Date(action, ReviewDateInput),
        };

    private static ApprovalScope? Scope(CardActionInvoke action)
    {
        var scope = new ApprovalScope
        {
            OnlyRequestingAcademy = action.GetString(ScopeAcademyOnlyInput) == "true",
            Users = Parse<UserGroup>(action.GetString(ScopeUsersInput), ScopeUsersInput),
            YoungestYearGroup = Parse<YearGroup>(action.GetString(ScopeYearGroupInput), ScopeYearGroupInput),
            Data = action.GetList(ScopeDataInput) is { Count: > 0 } data ? [.. data.Select(d => Parse<DataCategory>(d, ScopeDataInput)!.Value)] : null,
        };
        return scope.IsEmpty ? null : scope;
    }

    // Names only: Enum.TryParse would also take "7" or "1,2".
    private static T? Parse<T>(string? value, string field) where T : struct, Enum =>
        value is not { Length: > 0 } ? null
        : !char.IsDigit(value[0]) && Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
        : throw new CardInputException(field);

    private static DateOnly? Date(CardActionInvoke action, string field) =>
        action.GetString(field) is not { Length: > 0 } text ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new CardInputException(field);

    private sealed class CardInputException(string field) : Exception(field)
    {
        public string Field { get; } = field;
    }
}
