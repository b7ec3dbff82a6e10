namespace AiPolicyBot.Testing.Time;

/// <summary>A clock the test moves by hand (cache ages, refresh throttles, approval deadlines); timers are the system's.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
