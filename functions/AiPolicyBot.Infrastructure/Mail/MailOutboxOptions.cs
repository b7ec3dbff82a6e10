namespace AiPolicyBot.Infrastructure.Mail;

/// <summary>Configuration section "MailOutbox": queue and relay settings (the numbers mirror host.json).</summary>
public sealed class MailOutboxOptions
{
    public const string Section = "MailOutbox";

    /// <summary>
    /// The outbox queue ("-poison" is appended for the poison queue). Only tests change it, to keep parallel hosts on
    /// one Azurite apart; the Functions triggers always listen on <see cref="MailQueues.Outbox"/>.
    /// </summary>
    public string Queue { get; set; } = MailQueues.Outbox;

    /// <summary>Rows not sent this long after their last change are re-queued by the relay.</summary>
    public TimeSpan RelayGrace { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often a throttled (429) job may be re-scheduled before it counts as a failure.</summary>
    public int MaxReschedules { get; set; } = 20;

    /// <summary>Random extra delay on a re-schedule, so throttled jobs do not come back all at once.</summary>
    public int RescheduleJitterMaxSeconds { get; set; } = 15;
}
