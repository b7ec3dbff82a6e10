using System.Globalization;
using AiPolicyBot.Approvals;
using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Approvals.Handlers;
using AiPolicyBot.Teams.Cards;
using AiPolicyBot.Teams.Cards.Model;

namespace AiPolicyBot.Teams.Approvals;

/// <summary>
/// The "pending approvals" command: what waits for this person (a pending role they hold, deputies included, never
/// their own requests), oldest first, each with an Open button that brings up the approval card (verb
/// approval.refresh, data = the reference only).
/// </summary>
public sealed class PendingApprovalsQuery(IRequestStore requests, IApproverDirectorySource directories)
{
    public const int MaxShown = 20;

    /// <summary>The open requests this person may decide, oldest first, from the narrow list (no whole request is read).</summary>
    public async Task<IReadOnlyList<OpenRequest>> ForAsync(string userId, CancellationToken ct)
    {
        var directory = await directories.GetAsync(ct);
        return [.. (await requests.ListOpenSummariesAsync(ct)).Where(r => ApprovalAuthorizer.MayDecide(r, directory, userId))];
    }

    public async Task<AdaptiveCard> CardForAsync(string userId, CancellationToken ct)
    {
        var waiting = await ForAsync(userId, ct);
        var body = new List<CardElement>
        {
            new TextBlock { Text = "Waiting for your decision", Style = TextBlockStyle.Heading, Size = TextSize.Large, Weight = TextWeight.Bolder },
        };
        if (waiting.Count == 0) body.Add(new TextBlock { Text = "Nothing is waiting for you." });
        foreach (var r in waiting.Take(MaxShown))
            body.Add(new Container
            {
                Separator = true,
                Items =
                [
                    new TextBlock { Text = $"**{r.Reference}** {CardText.Escape(r.ToolName)}", Weight = TextWeight.Bolder },
                    new TextBlock
                    {
                        Text = $"From {CardText.Escape(r.RequesterName)}, {r.SubmittedAt.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}; still to decide: {string.Join(", ", r.PendingRoles)}",
                        IsSubtle = true,
                    },
                    new ActionSet { Actions = [new ExecuteAction { Title = $"Open {r.Reference}", Verb = RefreshApprovalHandler.VerbName, Data = new ApprovalActionData(r.Reference) }] },
                ],
            });
        if (waiting.Count > MaxShown) body.Add(new TextBlock { Text = $"… and {waiting.Count - MaxShown} more.", IsSubtle = true });
        return new AdaptiveCard { Body = body, FallbackText = $"{waiting.Count} requests wait for your decision." };
    }
}
