using AiPolicyBot.Infrastructure.Storage;
using Azure.Data.Tables;

namespace AiPolicyBot.Infrastructure.Approvals;

/// <summary>The approval part's own tables ({prefix}Approvers, {prefix}ApprovalCards, {prefix}Deliveries), created once on first use.</summary>
public sealed class ApprovalTables(TableServiceClient service, StorageOptions options) : StorageSet
{
    public TableClient Approvers { get; } = service.GetTableClient(options.TableName("Approvers"));
    public TableClient Cards { get; } = service.GetTableClient(options.TableName("ApprovalCards"));
    public TableClient Deliveries { get; } = service.GetTableClient(options.TableName("Deliveries"));

    public override IReadOnlyList<TableClient> All => [Approvers, Cards, Deliveries];
}
