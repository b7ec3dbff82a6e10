namespace AiPolicyBot.Hosting.Tests.Pumps;

/// <summary>The Azurite that tools/test.sh started (AIPOLICYBOT_TEST_STORAGE), else the default local one.</summary>
internal static class TestStorage
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("AIPOLICYBOT_TEST_STORAGE") is { Length: > 0 } cs ? cs : "UseDevelopmentStorage=true";

    /// <summary>A queue name no other test uses (lower case, digits, hyphens).</summary>
    public static string UniqueQueue(string stem) => $"{stem}-{Guid.NewGuid():N}"[..40];
}
