using AiPolicyBot.Policy;
using AiPolicyBot.Register;
using AiPolicyBot.Teams.Conversation.Understanding;

namespace AiPolicyBot.Teams.Conversation.Wizard;

/// <summary>Wizard answers prefilled from what the person said: tool, purpose, use, data and learners.</summary>
public static class WizardPrefill
{
    public static Dictionary<string, string> From(UnderstoodMessage u, string? requestType = null)
    {
        var p = new Dictionary<string, string>(StringComparer.Ordinal);
        if (u.ToolName is { } name) p["toolName"] = name.Length > 100 ? name[..100] : name;
        if (u.Tool?.Vendor is { } vendor) p["vendor"] = vendor;
        if (u.Tool?.Edition is { } edition) p["edition"] = WireName(edition.ToString());
        p["requestType"] = requestType ?? (u.Hints.Renewal ? "renewal" : u.Tool is { Status: RegisterStatus.Approved or RegisterStatus.ApprovedNoPersonalData } ? "newUse" : "newTool");
        if (u.Text.Length >= 10 && u.Intent is Intent.AskTool or Intent.RequestApproval) p["purpose"] = u.Text.Length > 2000 ? u.Text[..2000] : u.Text;
        if (u.Hints.UseCategory is { } use) p["useCategory"] = WireName(use.ToString());
        if (u.Hints.MentionsPersonalData) p["dataCategories"] = string.Join(",", u.Hints.DataCategories.Select(d => WireName(d.ToString())));
        else if (u.Hints.SaysNoPersonalData) p["dataCategories"] = "none";
        if (u.Hints.LearnersUse)
        {
            p["users"] = "staffAndLearners";
            if (u.Hints.YoungestYearGroup is { } y) p["youngestYearGroup"] = y switch { YearGroup.Eyfs => "EYFS", YearGroup.Post16 => "post16", _ => y.ToString() };
        }
        return p;
    }

    private static string WireName(string enumName) => char.ToLowerInvariant(enumName[0]) + enumName[1..];
}
