using System.Text.Json.Nodes;
using AiPolicyBot.Incidents;
using AiPolicyBot.Teams.Incidents;
using AiPolicyBot.Testing.Incidents;
using static AiPolicyBot.Testing.Incidents.IncidentSamples;

namespace AiPolicyBot.Teams.Tests.Incidents;

/// <summary>The incident card: the DPO's forms while open, IA's action form only, nothing once closed, only the case id in the data.</summary>
public sealed class IncidentCardTests
{
    /// <summary>A high-severity case opened from a breach mail.</summary>
    private static IncidentCase Case() => IncidentSamples.Case() with
    {
        Id = "INC-2026-0003",
        SourceKey = "triage:k",
        Source = IncidentSource.BreachMail,
        Severity = IncidentSeverity.High,
        Facts = [new("Triage", "Breach report")],
    };

    /// <summary>Every Action.Execute on the card, forms included, as (verb, data).</summary>
    private static List<(string Verb, JsonNode? Data)> Executes(JsonNode card)
    {
        var found = new List<(string, JsonNode?)>();
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    if ((string?)o["type"] == "Action.Execute") found.Add(((string)o["verb"]!, o["data"]));
                    foreach (var (_, child) in o) Walk(child);
                    break;
                case JsonArray a:
                    foreach (var child in a) Walk(child);
                    break;
            }
        }
        Walk(card);
        return found;
    }

    [Fact]
    public void The_DPO_sees_decide_and_action_forms_while_open_and_every_action_carries_only_the_case_id()
    {
        var card = IncidentCardBuilder.Build(new IncidentCardContext(Case(), new IncidentRoles(true, true), Opened.AddHours(50))).ToJsonObject();
        var actions = Executes(card);
        Assert.Equal(["incident.addAction", "incident.decide", "incident.refresh"], actions.Select(a => a.Verb).Distinct().Order());
        Assert.All(actions, a => Assert.Equal("{\"caseId\":\"INC-2026-0003\"}", a.Data!.ToJsonString()));
        Assert.Contains("22 hours left of 72", card.ToJsonString());
    }

    [Fact]
    public void IA_adds_actions_only_and_a_closed_case_offers_nothing_but_refresh()
    {
        var ia = Executes(IncidentCardBuilder.Build(new IncidentCardContext(Case(), new IncidentRoles(true, false), Opened)).ToJsonObject());
        Assert.DoesNotContain(ia, a => a.Verb is IncidentVerbs.Decide or IncidentVerbs.Close);

        var decided = Case() with { State = IncidentState.Decided, Decision = new(false, "reason", "dpo", "Dana", Opened.AddHours(2)) };
        var dpo = Executes(IncidentCardBuilder.Build(new IncidentCardContext(decided, new IncidentRoles(true, true), Opened)).ToJsonObject());
        Assert.Contains(dpo, a => a.Verb == IncidentVerbs.Close);
        Assert.DoesNotContain(dpo, a => a.Verb == IncidentVerbs.Decide);

        var closed = decided with { State = IncidentState.Closed, ClosedAt = Opened.AddHours(3), ClosedByName = "Dana" };
        var none = Executes(IncidentCardBuilder.Build(new IncidentCardContext(closed, new IncidentRoles(true, true), Opened)).ToJsonObject());
        Assert.Equal([IncidentVerbs.Refresh], none.Select(a => a.Verb));
    }
}
