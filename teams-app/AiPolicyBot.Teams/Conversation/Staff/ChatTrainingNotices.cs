using System.Globalization;
using AiPolicyBot.Application.Training;
using AiPolicyBot.Register;
using AiPolicyBot.Teams.Approvals;
using AiPolicyBot.Teams.Cards;
using AiPolicyBot.Training;

namespace AiPolicyBot.Teams.Conversation.Staff;

/// <summary><see cref="ITrainingNotices"/> as a short message in the person's chat with the bot, with the tool's training link.</summary>
public sealed class ChatTrainingNotices(IApprovalMessenger messenger, RegisterCache register) : ITrainingNotices
{
    public async Task<bool> ExpiringAsync(string userId, TrainingRecord record, DateTimeOffset expiresAt, CancellationToken ct)
    {
        var entry = (await register.GetAsync(ct)).Get(record.EntryId);
        var name = CardText.Escape(entry?.Name ?? record.EntryId);
        var link = entry?.TrainingUrl is { Length: > 0 } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? $" The training is here: {uri.AbsoluteUri}" : "";
        var text = $"Your training for **{name}** expires on {expiresAt.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}. " +
                   $"Please complete it again before then to keep using the tool (policy 4.2), then tell me \"I've completed the {name} training\".{link}";
        return await messenger.SendTextToUserAsync(userId, text, ct);
    }
}
