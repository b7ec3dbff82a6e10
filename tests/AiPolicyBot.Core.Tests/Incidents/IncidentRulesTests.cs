using AiPolicyBot.Audit;
using AiPolicyBot.Incidents;
using static AiPolicyBot.Testing.Incidents.IncidentSamples;

namespace AiPolicyBot.Core.Tests.Incidents;

/// <summary>The rules of a case, its 72-hour clock and reminders, and the seal check of the audit verifier.</summary>
public sealed class IncidentRulesTests
{
    private static readonly IncidentRoles Dpo = new(true, true);
    private static readonly IncidentRoles Ia = new(true, false);
    private static readonly IncidentActor Actor = new("oid", "Person");

    [Fact]
    public void Only_the_DPO_decides_and_closes_and_only_after_deciding()
    {
        var c = Case();
        Assert.Equal(IncidentCommandStatus.NotAllowed, IncidentRules.Apply(c, new DecideIncidentCommand(Actor, true, "r"), Ia, Opened).Status);
        Assert.Equal(IncidentCommandStatus.NotAllowed, IncidentRules.Apply(c, new AddIncidentActionCommand(Actor, "a"), IncidentRoles.None, Opened).Status);
        Assert.Equal("decision", IncidentRules.Apply(c, new CloseIncidentCommand(Actor, null), Dpo, Opened).Field);
        Assert.Equal("reportable", IncidentRules.Apply(c, new DecideIncidentCommand(Actor, null, "r"), Dpo, Opened).Field);
        Assert.Equal("reason", IncidentRules.Apply(c, new DecideIncidentCommand(Actor, true, new string('x', 1001)), Dpo, Opened).Field);

        var decided = IncidentRules.Apply(c, new DecideIncidentCommand(Actor, true, " Reportable: pupil data "), Dpo, Opened.AddHours(30));
        Assert.Equal(IncidentState.Decided, decided.Case.State);
        Assert.Equal("Reportable: pupil data", decided.Case.Decision!.Reason);
        Assert.Equal(30, decided.Case.HoursToDecision);
        Assert.Equal("decision", IncidentRules.Apply(decided.Case, new DecideIncidentCommand(Actor, false, "again"), Dpo, Opened).Field);
        var withAction = IncidentRules.Apply(decided.Case, new AddIncidentActionCommand(Actor, "Reported to the ICO"), Ia, Opened).Case;
        var closed = IncidentRules.Apply(withAction, new CloseIncidentCommand(Actor, ""), Dpo, Opened.AddHours(40)).Case;
        Assert.Equal(IncidentState.Closed, closed.State);
        Assert.Equal("state", IncidentRules.Apply(closed, new AddIncidentActionCommand(Actor, "late"), Dpo, Opened).Field);
    }

    [Fact]
    public void Reminders_fall_due_at_24_and_48_hours_while_undecided()
    {
        var c = Case();
        Assert.Empty(IncidentClock.RemindersDue(c, Opened.AddHours(23.9)));
        Assert.Equal([24], IncidentClock.RemindersDue(c, Opened.AddHours(24)));
        Assert.Equal([24, 48], IncidentClock.RemindersDue(c, Opened.AddHours(50)));
        Assert.Equal([48], IncidentClock.RemindersDue(c with { RemindersSent = [24] }, Opened.AddHours(50)));
        Assert.Empty(IncidentClock.RemindersDue(c with { State = IncidentState.Decided }, Opened.AddHours(50)));
        Assert.Equal(-6, IncidentClock.HoursLeft(c, Opened.AddHours(78)));
    }

    [Fact]
    public void Case_ids_are_checked_before_any_lookup()
    {
        Assert.True(IncidentIds.LooksValid(IncidentIds.Format(2026, 7)));
        Assert.Equal("INC-2026-0007", IncidentIds.Format(2026, 7));
        Assert.False(IncidentIds.LooksValid("INC-2026-00x7"));
        Assert.False(IncidentIds.LooksValid("AIP-2026-0007"));
        Assert.False(IncidentIds.LooksValid(null));
    }

    [Fact]
    public void A_seal_fails_when_its_row_changed_or_is_gone()
    {
        var rows = new List<AuditEntry>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= 3; i++)
        {
            var e = AuditChain.Next("s", i, Opened, new AuditEvent("k", "a"), previous);
            rows.Add(e);
            previous = e.Hash;
        }
        var partition = new AuditPartition("s", rows, 3, previous);
        Assert.True(AuditSealCheck.Check(partition, [new("s", 2, rows[1].Hash), new("s", 3, rows[2].Hash)]).IsIntact);
        Assert.Equal(2, AuditSealCheck.Check(partition, [new("s", 2, new string('0', 64))]).FirstBadSequence);
        Assert.False(AuditSealCheck.Check(partition with { Rows = rows[..1] }, [new("s", 2, rows[1].Hash)]).IsIntact);
    }
}
