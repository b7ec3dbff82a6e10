using AiPolicyBot.Common;
using AiPolicyBot.Incidents;
using AiPolicyBot.Policy;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Application.Incidents;

/// <summary>
/// A submitted request flagged by rule R0 (personal data may already be in an unapproved tool) opens an incident
/// case, beside the DPO's chat message and the IA email the approvals and mail parts already send.
/// </summary>
public sealed class IncidentRequestEventHandler(IIncidentIntake incidents) : IRequestEventHandler
{
    public async Task HandleAsync(RequestEvent e, Versioned<ToolRequest> stored, CancellationToken ct)
    {
        var request = stored.Value;
        if (e.Kind == RequestEventKind.Submitted && request.Outcome.Conditions.Contains(ConditionCodes.PossibleIncidentReview))
            await incidents.OpenAsync(IncidentOpenings.FromRequest(request), ct);
    }
}
