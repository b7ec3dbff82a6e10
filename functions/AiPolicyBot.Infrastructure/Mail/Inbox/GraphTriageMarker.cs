using System.Collections.Concurrent;
using AiPolicyBot.Application.Triage;
using AiPolicyBot.Triage;
using AiPolicyBot.Triage.Inbox;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.Messages.Item.Move;

namespace AiPolicyBot.Infrastructure.Mail.Inbox;

/// <summary>
/// Marks a triaged message in the IA mailbox (docs/triage-inbox.md): the Outlook category "AIP: {category}" and the
/// extended property IaTriageCategory (idempotent PATCH), then a move to the top-level folder "AIP {category}"
/// (created if missing), so the Inbox holds only untriaged mail. With immutable ids the id survives the move.
/// </summary>
public sealed class GraphTriageMarker(GraphMailClient graph, GraphMailOptions mail) : ITriagedMailMarker
{
    /// <summary>Extended property tagging triaged mail, queryable with $filter on singleValueExtendedProperties.</summary>
    public const string CategoryProperty = "String {5b7f3c1e-2d4a-4e8b-9a61-0c3e7f2b9d40} Name IaTriageCategory";

    private readonly ConcurrentDictionary<string, string> _folders = new(StringComparer.Ordinal);

    public static string FolderName(TriageCategory category) => "AIP " + category.WireName();

    public async Task MarkAsync(InboundMail inbound, TriageRecord record, TriageActionPlan plan, CancellationToken ct)
    {
        var category = record.ConfirmedCategory ?? record.Category;
        var message = graph.Client.Users[mail.Mailbox].Messages[inbound.SourceId];
        await message.PatchAsync(new Message
        {
            Categories = [plan.OutlookCategory],
            SingleValueExtendedProperties =
            [
                new SingleValueLegacyExtendedProperty { Id = CategoryProperty, Value = category.WireName() },
            ],
        }, rc => rc.Headers.Add("Prefer", "IdType=\"ImmutableId\""), ct);

        var folderId = await FolderIdAsync(FolderName(category), ct);
        await message.Move.PostAsync(new MovePostRequestBody { DestinationId = folderId },
            rc => rc.Headers.Add("Prefer", "IdType=\"ImmutableId\""), ct);
    }

    private async Task<string> FolderIdAsync(string name, CancellationToken ct)
    {
        if (_folders.TryGetValue(name, out var cached)) return cached;
        var id = await FindFolderAsync(name, ct);
        if (id is null)
        {
            try
            {
                id = (await graph.Client.Users[mail.Mailbox].MailFolders.PostAsync(new MailFolder { DisplayName = name }, cancellationToken: ct))?.Id;
            }
            catch (ODataError e) when (e.ResponseStatusCode == 409 || e.Error?.Code == "ErrorFolderExists")
            {
                id = await FindFolderAsync(name, ct); // a concurrent run created it
            }
        }
        return _folders[name] = id ?? throw new InvalidOperationException($"Mail folder {name} could not be created.");
    }

    private async Task<string?> FindFolderAsync(string name, CancellationToken ct)
    {
        var found = await graph.Client.Users[mail.Mailbox].MailFolders.GetAsync(rc =>
        {
            rc.QueryParameters.Filter = $"displayName eq '{name.Replace("'", "''")}'";
            rc.QueryParameters.Select = ["id", "displayName"];
        }, ct);
        return found?.Value?.FirstOrDefault(f => string.Equals(f.DisplayName, name, StringComparison.OrdinalIgnoreCase))?.Id;
    }
}
