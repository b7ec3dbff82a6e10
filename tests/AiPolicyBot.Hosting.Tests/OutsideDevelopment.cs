using AiPolicyBot.Testing.Identity;

namespace AiPolicyBot.Hosting.Tests;

/// <summary>What every host needs to start outside Development: a complete approver directory, real contacts for
/// staff (no placeholder addresses) and the tenant the bot serves. Tests add their own Bot and Tab settings on top.</summary>
public static class OutsideDevelopment
{
    public static Dictionary<string, string?> Settings() => new()
    {
        ["Approvers:CIO"] = "00000000-0000-0000-0000-00000000c101",
        ["Approvers:CDO"] = "00000000-0000-0000-0000-00000000cd01",
        ["Approvers:DPO"] = "00000000-0000-0000-0000-00000000d901",
        ["Approvers:IT"] = "00000000-0000-0000-0000-0000000017e1",
        ["Contacts:InformationAssuranceEmail"] = "ia@aipolicybot-tests.org.uk",
        ["Contacts:DpoEmail"] = "dpo@aipolicybot-tests.org.uk",
        ["Contacts:ComplaintsContact"] = "complaints@aipolicybot-tests.org.uk",
        ["Contacts:PolicyUrl"] = "https://aipolicybot-tests.org.uk/ai-policy",
        ["Contacts:TrainingUrl"] = "https://aipolicybot-tests.org.uk/ai-training",
        ["Bot:AllowedTenantIds:0"] = TestTokens.TenantId,
    };
}
