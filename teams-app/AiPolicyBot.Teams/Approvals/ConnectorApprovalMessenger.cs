using AiPolicyBot.Approvals;
using AiPolicyBot.Conversations;
using AiPolicyBot.Teams.Cards;
using AiPolicyBot.Teams.Cards.Model;
using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Protocol;
using AiPolicyBot.Teams.Protocol.Connector;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Teams.Approvals;

/// <summary>
/// <see cref="IApprovalMessenger"/> over the Bot Connector. A person is reached through their stored 1:1
/// conversation reference; without one, their Teams id is looked up with get member in the approvals channel and the
/// 1:1 chat is created with the tenant id (docs/teams-channel.md); failing that, the app is installed for them
/// through Graph and its chat used (<see cref="ITeamsAppInstaller"/>). Either way the chat is remembered. A user who
/// blocked or uninstalled the bot (403 MessageWritesBlocked) counts as unreachable; a throttled or unavailable
/// connector or Graph throws <see cref="DeliveryDeferredException"/>, so the delivery is retried later.
/// </summary>
public sealed class ConnectorApprovalMessenger(
    ProactiveMessenger proactive,
    IConversationReferenceStore references,
    IConnectorClient connector,
    IOptions<ApprovalOptions> approvalOptions,
    IOptions<BotOptions> botOptions,
    ILogger<ConnectorApprovalMessenger> logger,
    ITeamsAppInstaller? installer = null) : IApprovalMessenger
{
    public async Task<PostedCard?> SendCardToUserAsync(string userId, AdaptiveCard card, CancellationToken ct)
    {
        var reference = await PersonalReferenceAsync(userId, ct);
        if (reference is null) return null;
        return await SendAsync(reference, CardMessage(card), ct);
    }

    public async Task<PostedCard?> SendCardToConversationAsync(string conversationId, AdaptiveCard card, CancellationToken ct)
    {
        var reference = await references.GetAsync(conversationId, ct)
            ?? (approvalOptions.Value.ServiceUrl is { Length: > 0 } url
                ? new ConversationReference(conversationId, url, "msteams", TenantId, "channel", null, null, BotId, null)
                : null);
        if (reference is null)
        {
            logger.LogWarning("The approvals channel is not known yet (add the bot to the channel or set Approval:ServiceUrl)");
            return null;
        }
        return await SendAsync(reference, CardMessage(card), ct);
    }

    public Task UpdateCardAsync(ApprovalCardCopy copy, AdaptiveCard card, CancellationToken ct) =>
        connector.UpdateAsync(copy.ServiceUrl, copy.ConversationId, copy.ActivityId,
            CardMessage(card) with { Conversation = new ConversationAccount { Id = copy.ConversationId } }, ct);

    public async Task<bool> SendTextToUserAsync(string userId, string markdown, CancellationToken ct)
    {
        var reference = await PersonalReferenceAsync(userId, ct);
        if (reference is null) return false;
        return await SendAsync(reference, new Activity { Type = ActivityTypes.Message, Text = markdown, TextFormat = "markdown" }, ct) is not null;
    }

    private async Task<PostedCard?> SendAsync(ConversationReference reference, Activity message, CancellationToken ct)
    {
        try
        {
            var sent = await proactive.SendAsync(reference, message, ct);
            return new PostedCard(reference.ConversationId, sent.Id ?? "", reference.ServiceUrl);
        }
        catch (ConnectorException e) when (e.IsMessageWritesBlocked)
        {
            logger.LogWarning("A recipient blocked or uninstalled the bot; not retried");
            return null;
        }
        catch (ConnectorException e) when ((int)e.Status is 429 or >= 500)
        {
            throw new DeliveryDeferredException($"The connector answered {(int)e.Status}.", e);
        }
    }

    private async Task<ConversationReference?> PersonalReferenceAsync(string userId, CancellationToken ct)
    {
        if (await references.FindPersonalAsync(userId, ct) is { } known) return known;
        // Never met in 1:1: find their Teams id in the approvals channel, then open the 1:1 chat (idempotent).
        var o = approvalOptions.Value;
        if (o.ChannelConversationId is { Length: > 0 } channel && o.ServiceUrl is { Length: > 0 } serviceUrl && TenantId is { } tenant)
        {
            try
            {
                var member = await connector.GetMemberAsync(serviceUrl, channel, userId, ct);
                if (member.Id is { Length: > 0 } mri)
                {
                    var created = await proactive.CreatePersonalConversationAsync(serviceUrl, mri, tenant, BotId, ct);
                    return await RememberAsync(created with { UserAadObjectId = userId }, ct);
                }
            }
            catch (ConnectorException)
            {
                logger.LogWarning("Could not open a 1:1 chat through the approvals channel (not a member, or the app is not installed for them)");
            }
        }
        return await InstallAsync(userId, ct);
    }

    /// <summary>The app installed for them through Graph, and its chat with them (docs/deploy.md: the permission it needs).</summary>
    private async Task<ConversationReference?> InstallAsync(string userId, CancellationToken ct)
    {
        if (installer is null || approvalOptions.Value.ServiceUrl is not { Length: > 0 } serviceUrl) return null;
        var install = await installer.InstallForUserAsync(userId, ct);
        return install.Status switch
        {
            TeamsInstallStatus.Installed => await RememberAsync(new ConversationReference(install.ChatId!, serviceUrl, "msteams", TenantId,
                "personal", null, userId, BotId, null), ct),
            TeamsInstallStatus.Failed => throw new DeliveryDeferredException("Graph could not install the app for them now."),
            _ => null,
        };
    }

    private async Task<ConversationReference> RememberAsync(ConversationReference reference, CancellationToken ct)
    {
        await references.SaveAsync(reference, ct);
        return reference;
    }

    private string? TenantId => approvalOptions.Value.TenantId is { Length: > 0 } t ? t : botOptions.Value.TenantId;

    private string? BotId => botOptions.Value.AppId is { Length: > 0 } id ? "28:" + id : null;

    // A card alone (no text): Teams returns no id for a text + card message, and the id is what lets us edit it.
    private static Activity CardMessage(AdaptiveCard card) => CardActivities.CardMessage(card, card.FallbackText);
}
