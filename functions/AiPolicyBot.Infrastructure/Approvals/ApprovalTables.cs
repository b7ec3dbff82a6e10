using AiPolicyBot.Infrastructure.Storage;
using Azure.Data.Tables;

namespace AiPolicyBot.Infrastructure.Approvals;

/// <summary>The approval part's own tables ({prefix}Approvers, {prefix}ApprovalCards), created once on first use.</summary>
public sealed class ApprovalTables(TableServiceClient service, StorageOptions options)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _created;

    public TableClient Approvers { get; } = service.GetTableClient(options.TableName("Approvers"));
    public TableClient Cards { get; } = service.GetTableClient(options.TableName("ApprovalCards"));

    public IReadOnlyList<TableClient> All => [Approvers, Cards];

    public async Task EnsureCreatedAsync(CancellationToken ct)
    {
        if (_created) return;
        await _gate.WaitAsync(ct);
        try
        {
            if (_created) return;
            foreach (var table in All) await table.CreateIfNotExistsAsync(ct);
            _created = true;
        }
        finally { _gate.Release(); }
    }
}
