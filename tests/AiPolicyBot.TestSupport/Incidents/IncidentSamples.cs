using AiPolicyBot.Incidents;

namespace AiPolicyBot.Testing.Incidents;

/// <summary>An incident case just opened, with its 72-hour clock running; tests change only what they look at.</summary>
public static class IncidentSamples
{
    public static readonly DateTimeOffset Opened = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A low-severity case opened from a concern raised in chat at <see cref="Opened"/>.</summary>
    public static IncidentCase Case() => new()
    {
        Id = "INC-2026-0001",
        SourceKey = "chat:x",
        Source = IncidentSource.ChatConcern,
        Severity = IncidentSeverity.Low,
        OpenedAt = Opened,
        DueAt = IncidentClock.DueAt(Opened),
    };
}
