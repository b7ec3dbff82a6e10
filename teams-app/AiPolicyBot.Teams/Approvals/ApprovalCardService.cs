using AiPolicyBot.Academies;
using AiPolicyBot.Approvals;
using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Approvals.Cards;
using AiPolicyBot.Teams.Cards.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Teams.Approvals;

/// <summary>
/// Builds the right view of a request's card for a person and keeps every posted copy current: after each change
/// every stored copy is edited (approver chats get their own view, the channel and observers the read-only view).
/// </summary>
public sealed class ApprovalCardService(
    IApprovalCardStore copies,
    IApprovalMessenger messenger,
    ITeamsUserIds teamsIds,
    IOptionsMonitor<AcademyOptions> academies,
    ILogger<ApprovalCardService> logger,
    IDeliveryLog? deliveries = null) : IApprovalCards
{
    public Task<AdaptiveCard> CardForAsync(ToolRequest request, ApproverDirectory directory, string? userId, CancellationToken ct) =>
        CardForAsync(request, directory, userId, notice: null, noticeIsProblem: false, ct);

    public async Task<AdaptiveCard> CardForAsync(ToolRequest request, ApproverDirectory directory, string? userId,
        string? notice, bool noticeIsProblem, CancellationToken ct) =>
        Build(request, directory, userId, await RefreshIdsAsync(request, directory, ct), await DeliveryStatusAsync(request, ct), notice, noticeIsProblem);

    /// <summary>
    /// The card a click answers with: the clicker's view as <see cref="CardForAsync(ToolRequest, ApproverDirectory, string?, string?, bool, CancellationToken)"/>
    /// builds it, from memory only (no delivery line, refresh ids of the approvers already known here), so the answer
    /// waits for no storage read. The change's follow-up edits every posted copy with the whole card moments later
    /// (docs/approvals.md).
    /// </summary>
    public AdaptiveCard AnswerCard(ToolRequest request, ApproverDirectory directory, string userId, string? notice, bool noticeIsProblem) =>
        Build(request, directory, userId, teamsIds.KnownMris(ApprovalAuthorizer.PendingApproverIds(request, directory)), null, notice, noticeIsProblem);

    private AdaptiveCard Build(ToolRequest request, ApproverDirectory directory, string? userId, IReadOnlyList<string> refreshIds,
        string? deliveryStatus, string? notice, bool noticeIsProblem)
    {
        var access = ApprovalAuthorizer.Authorize(request, directory, userId);
        var view = access.CanDecide ? ApprovalCardView.Approver
            : access.IsRequester ? ApprovalCardView.Requester
            : ApprovalCardView.ReadOnly;
        return ApprovalCardBuilder.Build(new ApprovalCardContext(request, view, refreshIds,
            access.DecidableRoles, directory.LocalDemoSelfApproval, notice, noticeIsProblem, AcademyName(request))
        {
            CanTickChecks = DueDiligence.MayTick(request, directory, userId),
            DeliveryStatus = deliveryStatus,
        });
    }

    public async Task<AdaptiveCard> ReadOnlyCardAsync(ToolRequest request, ApproverDirectory directory, CancellationToken ct) =>
        ReadOnlyCard(request, directory, await RefreshIdsAsync(request, directory, ct), await DeliveryStatusAsync(request, ct));

    private AdaptiveCard ReadOnlyCard(ToolRequest request, ApproverDirectory directory, IReadOnlyList<string> refreshIds, string? deliveryStatus) =>
        ApprovalCardBuilder.Build(new ApprovalCardContext(request, ApprovalCardView.ReadOnly, refreshIds,
            [], directory.LocalDemoSelfApproval, AcademyName: AcademyName(request))
        { DeliveryStatus = deliveryStatus });

    /// <summary>Where the card reached each approver, while they are still needed ("sent to the CDO 09:12; …").</summary>
    private async Task<string?> DeliveryStatusAsync(ToolRequest request, CancellationToken ct)
    {
        if (deliveries is null || request.State is not (RequestState.Pending or RequestState.MoreInformationRequested)) return null;
        var list = await deliveries.ListAsync(request.Reference, ct);
        return DeliveryBackoff.Summary([.. list.Where(d => !string.Equals(d.UserId, request.RequesterId, StringComparison.OrdinalIgnoreCase))]);
    }

    private string AcademyName(ToolRequest request) => academies.CurrentValue.NameOf(request.Intake.AcademyId);

    /// <summary>refresh.userIds: the pending approvers (and deputies), never the requester (separation of duties).</summary>
    public Task<IReadOnlyList<string>> RefreshIdsAsync(ToolRequest request, ApproverDirectory directory, CancellationToken ct)
    {
        var pending = ApprovalAuthorizer.PendingApproverIds(request, directory);
        return pending.Count == 0 ? Task.FromResult<IReadOnlyList<string>>([]) : teamsIds.MrisForAsync(pending, ct);
    }

    public async Task UpdateAllCopiesAsync(ToolRequest request, ApproverDirectory directory, CancellationToken ct)
    {
        var posted = await copies.ListAsync(request.Reference, ct);
        if (posted.Count == 0) return;
        // What every copy shows alike is read once, not once per copy (docs/deploy.md, "Cost model").
        var refreshIds = await RefreshIdsAsync(request, directory, ct);
        var deliveryStatus = await DeliveryStatusAsync(request, ct);
        foreach (var copy in posted)
        {
            try
            {
                var card = copy.Audience == CardAudience.Channel
                    ? ReadOnlyCard(request, directory, refreshIds, deliveryStatus)
                    : Build(request, directory, copy.UserId, refreshIds, deliveryStatus, notice: null, noticeIsProblem: false);
                await messenger.UpdateCardAsync(copy, card, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Could not update a card copy of {Reference} ({Audience}): {Error}", request.Reference, copy.Audience, e.GetType().Name);
            }
        }
    }

    public async Task<bool> PostToUserAsync(ToolRequest request, ApproverDirectory directory, string userId, CardAudience audience, CancellationToken ct)
    {
        var posted = await messenger.SendCardToUserAsync(userId, await CardForAsync(request, directory, userId, ct), ct);
        if (posted is null) return false;
        await copies.AddAsync(new ApprovalCardCopy(request.Reference, audience, userId, posted.ConversationId, posted.ActivityId, posted.ServiceUrl), ct);
        return true;
    }

    public async Task<bool> PostToChannelAsync(ToolRequest request, ApproverDirectory directory, string conversationId, CancellationToken ct)
    {
        var posted = await messenger.SendCardToConversationAsync(conversationId, await ReadOnlyCardAsync(request, directory, ct), ct);
        if (posted is null) return false;
        await copies.AddAsync(new ApprovalCardCopy(request.Reference, CardAudience.Channel, null, posted.ConversationId, posted.ActivityId, posted.ServiceUrl), ct);
        return true;
    }
}
