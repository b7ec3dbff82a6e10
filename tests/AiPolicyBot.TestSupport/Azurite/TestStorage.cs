using AiPolicyBot.Infrastructure.Mail;

namespace AiPolicyBot.Testing.Azurite;

/// <summary>The Azurite that tools/test.sh started (AIPOLICYBOT_TEST_STORAGE), else the default local one.</summary>
public static class TestStorage
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("AIPOLICYBOT_TEST_STORAGE") is { Length: > 0 } cs ? cs : "UseDevelopmentStorage=true";

    /// <summary>A queue name no other test uses (lower case, digits, hyphens).</summary>
    public static string UniqueQueue(string stem) => $"{stem}-{Guid.NewGuid():N}"[..40];

    /// <summary>Deletes the mail tables (decisions, alerts) and queues (outbox and its poison queue) a test made.</summary>
    public static async Task DeleteAsync(MailStorage mail)
    {
        await mail.Decisions.DeleteAsync();
        await mail.Alerts.DeleteAsync();
        await mail.Outbox.DeleteIfExistsAsync();
        await mail.Poison.DeleteIfExistsAsync();
    }
}
