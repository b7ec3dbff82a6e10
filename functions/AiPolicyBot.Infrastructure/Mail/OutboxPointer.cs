using System.Text.Json;
using AiPolicyBot.Common;

namespace AiPolicyBot.Infrastructure.Mail;

/// <summary>
/// The queue message: a pointer to an outbox row, never the mail itself (the row is the truth; 64 KiB limit).
/// <see cref="Attempt"/> counts re-schedules after throttling, not queue deliveries.
/// </summary>
public sealed record OutboxPointer(string Reference, string JobId, int Attempt = 0)
{
    public string ToJson() => JsonSerializer.Serialize(this, AiPolicyJson.Options);

    /// <summary>Parses a queue message; <see cref="FormatException"/> when it is not a pointer.</summary>
    public static OutboxPointer Parse(string message)
    {
        OutboxPointer? pointer;
        try
        {
            pointer = JsonSerializer.Deserialize<OutboxPointer>(message, AiPolicyJson.Options);
        }
        catch (JsonException e)
        {
            throw new FormatException("The mail-outbox message is not an outbox pointer.", e);
        }
        if (pointer is null || string.IsNullOrWhiteSpace(pointer.Reference) || string.IsNullOrWhiteSpace(pointer.JobId))
            throw new FormatException("The mail-outbox message lacks reference or jobId.");
        return pointer;
    }
}
