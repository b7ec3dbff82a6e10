using AiPolicyBot.Infrastructure.Storage;
using Azure.Data.Tables;

namespace AiPolicyBot.Infrastructure.Approvals;

/// <summary>The approval part's own tables ({prefix}Approvers, {prefix}ApprovalCards, {prefix}Deliveries), created once on first use.</summary>
public sealed class ApprovalTables(TableServiceClient service, StorageOptions options)
{
    private readonly CreateOnce _create = new();

    public TableClient Approvers { get; } = service.GetTableClient(options.TableName("Approvers"));
    public TableClient Cards { get; } = service.GetTableClient(options.TableName("ApprovalCards"));
    public TableClient Deliveries { get; } = service.GetTableClient(options.TableName("Deliveries"));

    public IReadOnlyList<TableClient> All => [Approvers, Cards, Deliveries];

    public Task EnsureCreatedAsync(CancellationToken ct) => _create.RunAsync(CreateAllAsync, ct);

    private async Task CreateAllAsync(CancellationToken ct)
    {
        foreach (var table in All) await table.CreateIfNotExistsAsync(ct);
    }
}
