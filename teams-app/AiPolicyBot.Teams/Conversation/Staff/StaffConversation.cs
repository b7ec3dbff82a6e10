using AiPolicyBot.Academies;
using AiPolicyBot.Register;
using AiPolicyBot.Teams.Conversation.Understanding;
using AiPolicyBot.Teams.Conversation.Wizard;
using AiPolicyBot.Training;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Teams.Conversation.Staff;

/// <summary>
/// What every staff-conversation handler needs: the cached register, the cached training records, today's date,
/// the wizard pages (built from the academies) and the reading of a message. Nothing here touches storage after the
/// first use (both caches); how a card travels is <see cref="Cards.CardActivities"/>, how answers are prefilled is
/// <see cref="WizardPrefill"/>.
/// </summary>
public sealed class StaffConversation(
    RegisterCache register,
    TrainingCache training,
    TimeProvider time,
    IOptionsMonitor<AcademyOptions> academies,
    MessageUnderstanding understanding)
{
    public RegisterCache Register => register;
    public TrainingCache Training => training;
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public IReadOnlyList<WizardPage> Pages()
    {
        var options = academies.CurrentValue;
        var list = options.Items.OrderBy(kv => kv.Value.Name, StringComparer.OrdinalIgnoreCase)
            .Select(kv => (kv.Key, options.NameOf(kv.Key)))
            .Append((AcademyOptions.TrustId, AcademyOptions.TrustName)).ToList();
        return WizardQuestions.Pages(list);
    }

    public IEnumerable<string> AllFields() => Pages().SelectMany(p => p.Questions).Select(q => q.Field);

    public async ValueTask<UnderstoodMessage> UnderstandAsync(string text, CancellationToken ct) =>
        understanding.Understand(text, await register.GetAsync(ct));
}
