namespace AiPolicyBot.Approvals;

/// <summary>How a card reached a person, or why it has not yet (docs/approvals.md, "Reaching people").</summary>
public enum DeliveryStatus
{
    /// <summary>Not delivered yet; another attempt is due at <see cref="CardDelivery.NextAttemptAt"/>.</summary>
    Retrying,
    /// <summary>In their 1:1 chat with the bot (installed for them through Graph when needed).</summary>
    Chat,
    /// <summary>Neither chat nor install worked: the card is in the approvals channel for them.</summary>
    Channel,
    /// <summary>Nothing in Teams worked: an email with a link to the card went out, and the administrators were alerted.</summary>
    Email,
}

/// <summary>One person's delivery of one request's card, kept per request and person and shown on the card.</summary>
public sealed record CardDelivery(
    string Reference,
    string UserId,
    string Label,
    DeliveryStatus Status,
    int Attempts,
    DateTimeOffset LastAttemptAt,
    DateTimeOffset? DeliveredAt = null,
    DateTimeOffset? NextAttemptAt = null);

/// <summary>Where each delivery stands (table Deliveries: PK reference, RK person).</summary>
public interface IDeliveryLog
{
    Task SaveAsync(CardDelivery delivery, CancellationToken ct);

    Task<IReadOnlyList<CardDelivery>> ListAsync(string reference, CancellationToken ct);

    /// <summary>Deliveries still retrying whose next attempt is due by <paramref name="now"/>.</summary>
    Task<IReadOnlyList<CardDelivery>> DueAsync(DateTimeOffset now, CancellationToken ct);
}

/// <summary>Back-off between delivery attempts, pure: 1, 5, 15 and 60 minutes, then give up on Teams.</summary>
public static class DeliveryBackoff
{
    private static readonly TimeSpan[] Delays = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(60)];

    public static int MaxAttempts => Delays.Length + 1;

    /// <summary>When to try again after <paramref name="attempts"/> failed attempts; null once they are used up.</summary>
    public static DateTimeOffset? NextAttempt(int attempts, DateTimeOffset now) =>
        attempts >= 1 && attempts <= Delays.Length ? now + Delays[attempts - 1] : null;

    /// <summary>"sent to the CDO 09:12; not yet delivered to the DPO": what the card says about its deliveries.</summary>
    public static string? Summary(IReadOnlyList<CardDelivery> deliveries)
    {
        if (deliveries.Count == 0) return null;
        return string.Join("; ", deliveries.OrderBy(d => d.Label, StringComparer.Ordinal).Select(d => d.Status switch
        {
            DeliveryStatus.Chat => $"sent to the {d.Label} {Time(d.DeliveredAt ?? d.LastAttemptAt)}",
            DeliveryStatus.Channel => $"posted in the approvals channel for the {d.Label}",
            DeliveryStatus.Email => $"emailed to the {d.Label} (not reachable in Teams)",
            _ => $"not yet delivered to the {d.Label}",
        }));
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
