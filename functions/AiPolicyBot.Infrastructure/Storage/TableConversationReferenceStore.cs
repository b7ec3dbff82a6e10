using AiPolicyBot.Conversations;
using Azure;
using Azure.Data.Tables;

namespace AiPolicyBot.Infrastructure.Storage;

/// <summary>
/// Conversation references in the table <c>ConversationReferences</c>: one row per conversation
/// (PK <c>conversation</c>, RK = conversation id) and, for personal chats, an index row per user
/// (PK <c>user</c>, RK = Entra object id) so proactive 1:1 messages find the chat. Keys go through
/// <see cref="TableKeys.Safe"/> because Teams ids contain characters Table keys forbid or mangle. Writes are
/// idempotent upserts of the latest reference (a reference has no history worth an ETag: the newest wins).
/// </summary>
public sealed class TableConversationReferenceStore(TableClients tables) : IConversationReferenceStore
{
    private const string ConversationPartition = "conversation";
    private const string UserPartition = "user";

    private readonly TableClient _table = tables.ConversationReferences;

    public async Task<ConversationReference?> GetAsync(string conversationId, CancellationToken ct) =>
        await ReadAsync(ConversationPartition, Key(conversationId), ct);

    public async Task<ConversationReference?> FindPersonalAsync(string userAadObjectId, CancellationToken ct) =>
        await ReadAsync(UserPartition, Key(userAadObjectId.ToLowerInvariant()), ct);

    public async Task SaveAsync(ConversationReference reference, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        await _table.UpsertEntityAsync(ToEntity(ConversationPartition, Key(reference.ConversationId), reference), TableUpdateMode.Replace, ct);
        if (reference.IsPersonal && !string.IsNullOrEmpty(reference.UserAadObjectId))
        {
            await _table.UpsertEntityAsync(
                ToEntity(UserPartition, Key(reference.UserAadObjectId.ToLowerInvariant()), reference), TableUpdateMode.Replace, ct);
        }
    }

    public async Task DeleteAsync(string conversationId, CancellationToken ct)
    {
        var existing = await GetAsync(conversationId, ct);
        if (existing is null)
        {
            return;
        }

        await _table.DeleteEntityAsync(ConversationPartition, Key(conversationId), ETag.All, ct);
        if (existing.IsPersonal && !string.IsNullOrEmpty(existing.UserAadObjectId))
        {
            // Only drop the user's index if it still points at this conversation.
            var index = await FindPersonalAsync(existing.UserAadObjectId, ct);
            if (index?.ConversationId == conversationId)
            {
                await _table.DeleteEntityAsync(UserPartition, Key(existing.UserAadObjectId.ToLowerInvariant()), ETag.All, ct);
            }
        }
    }

    private async Task<ConversationReference?> ReadAsync(string partition, string row, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: ct);
        return found.HasValue && found.Value is { } entity ? FromEntity(entity) : null;
    }

    // Start-up creates the tables; this covers a start-up that ran while storage was down. Cheap once done.
    private Task EnsureTableAsync(CancellationToken ct) => tables.EnsureCreatedAsync(ct);

    private static string Key(string value) => TableKeys.Safe(value);

    private static TableEntity ToEntity(string partition, string row, ConversationReference r) => new(partition, row)
    {
        [nameof(r.ConversationId)] = r.ConversationId,
        [nameof(r.ServiceUrl)] = r.ServiceUrl,
        [nameof(r.ChannelId)] = r.ChannelId,
        [nameof(r.TenantId)] = r.TenantId,
        [nameof(r.ConversationType)] = r.ConversationType,
        [nameof(r.UserId)] = r.UserId,
        [nameof(r.UserAadObjectId)] = r.UserAadObjectId,
        [nameof(r.BotId)] = r.BotId,
        [nameof(r.BotName)] = r.BotName,
    };

    private static ConversationReference FromEntity(TableEntity e) => new(
        e.GetString(nameof(ConversationReference.ConversationId)),
        e.GetString(nameof(ConversationReference.ServiceUrl)),
        e.GetString(nameof(ConversationReference.ChannelId)),
        e.GetString(nameof(ConversationReference.TenantId)),
        e.GetString(nameof(ConversationReference.ConversationType)),
        e.GetString(nameof(ConversationReference.UserId)),
        e.GetString(nameof(ConversationReference.UserAadObjectId)),
        e.GetString(nameof(ConversationReference.BotId)),
        e.GetString(nameof(ConversationReference.BotName)));
}
