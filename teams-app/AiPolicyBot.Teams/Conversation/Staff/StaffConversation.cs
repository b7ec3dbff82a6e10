using AiPolicyBot.Academies;
using AiPolicyBot.Policy;
using AiPolicyBot.Register;
using AiPolicyBot.Teams.Cards.Model;
using AiPolicyBot.Teams.Conversation.Understanding;
using AiPolicyBot.Teams.Conversation.Wizard;
using AiPolicyBot.Teams.Protocol;
using AiPolicyBot.Training;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Teams.Conversation.Staff;

/// <summary>
/// What every staff-conversation handler needs: the cached register, the cached training records, today's date,
/// the academies and the wizard pages. Nothing here touches storage after the first use (both caches).
/// </summary>
public sealed class StaffConversation(
    RegisterCache register,
    TrainingCache training,
    TimeProvider time,
    IOptionsMonitor<AcademyOptions> academies,
    IOptionsMonitor<PolicyOptions> policy,
    MessageUnderstanding understanding)
{
    public RegisterCache Register => register;
    public TrainingCache Training => training;
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
    public DateTimeOffset Now => time.GetUtcNow();
    public string PolicyVersion => policy.CurrentValue.PolicyVersion;

    public IReadOnlyList<WizardPage> Pages()
    {
        var options = academies.CurrentValue;
        var list = options.Items.OrderBy(kv => kv.Value.Name, StringComparer.OrdinalIgnoreCase)
            .Select(kv => (kv.Key, options.NameOf(kv.Key)))
            .Append((AcademyOptions.TrustId, AcademyOptions.TrustName)).ToList();
        return WizardQuestions.Pages(list);
    }

    public IEnumerable<string> AllFields() => Pages().SelectMany(p => p.Questions).Select(q => q.Field);

    /// <summary>The caller's stable id: the Entra object id, else the channel user id (Playground).</summary>
    public static string UserId(TurnContext turn) =>
        turn.UserAadObjectId ?? turn.Activity.From?.Id ?? throw new InvalidOperationException("The activity has no sender.");

    public static string UserName(TurnContext turn) => turn.Activity.From?.Name ?? "";

    public async ValueTask<Understanding.UnderstoodMessage> UnderstandAsync(string text, CancellationToken ct) =>
        understanding.Understand(text, await register.GetAsync(ct));

    /// <summary>Wizard answers prefilled from what the person said: tool, purpose, use, data and learners.</summary>
    public static Dictionary<string, string> Prefill(Understanding.UnderstoodMessage u, string? requestType = null)
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

    /// <summary>
    /// A message activity carrying one Adaptive Card. The card model itself is the content, written once when the
    /// activity is sent: the same bytes as <see cref="AdaptiveCard.ToJsonObject"/> (CardModelTests), without writing the
    /// card to JSON, reading it back into a node tree and writing that again on every turn (a quarter of a cached turn's
    /// CPU; docs/benchmarks.md).
    /// </summary>
    public static Activity CardMessage(AdaptiveCard card) => new()
    {
        Type = ActivityTypes.Message,
        Attachments = [new Attachment { ContentType = AdaptiveCard.ContentType, Content = card }],
    };
}
