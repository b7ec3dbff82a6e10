namespace AiPolicyBot.LocalHost.Pumps;

/// <summary>
/// The local twin of host.json <c>extensions.queues</c> (configuration section "Queues"); keep the two in step.
/// Defaults equal functions/AiPolicyBot.Functions/host.json.
/// </summary>
public sealed record QueuePumpOptions
{
    public const string Section = "Queues";

    /// <summary>After this many failed attempts a message moves to "&lt;queue&gt;-poison".</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>How long a failed message stays invisible before the next attempt (fixed, no back-off).</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public int BatchSize { get; set; } = 8;

    /// <summary>Idle polling backs off from <see cref="MinPollingInterval"/> up to this.</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MinPollingInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Invisibility while a message is being handled (the Functions host uses 10 minutes).</summary>
    public TimeSpan LeaseTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
