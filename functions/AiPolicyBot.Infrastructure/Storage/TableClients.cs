using Azure.Data.Tables;

namespace AiPolicyBot.Infrastructure.Storage;

/// <summary>One TableClient per table, named from <see cref="StorageOptions"/>. Tables are created once at start-up
/// (<see cref="EnsureCreatedAsync"/>, called by <see cref="TablesStartup"/>), never on the request path.</summary>
public sealed class TableClients : StorageSet
{
    public TableClients(TableServiceClient service, StorageOptions options)
    {
        Register = service.GetTableClient(options.TableName("Register"));
        Requests = service.GetTableClient(options.TableName("Requests"));
        RequestIndex = service.GetTableClient(options.TableName("RequestIndex"));
        OpenRequests = service.GetTableClient(options.TableName("OpenRequests"));
        Counters = service.GetTableClient(options.TableName("Counters"));
        Training = service.GetTableClient(options.TableName("Training"));
        Audit = service.GetTableClient(options.TableName("Audit"));
        Idempotency = service.GetTableClient(options.TableName("Idempotency"));
        ConversationReferences = service.GetTableClient(options.TableName("ConversationReferences"));
        StaffAcademies = service.GetTableClient(options.TableName("StaffAcademies"));
        Incidents = service.GetTableClient(options.TableName("Incidents"));
    }

    public TableClients(StorageOptions options) : this(StorageServiceClients.Tables(options), options) { }

    public TableClient Register { get; }
    public TableClient Requests { get; }
    public TableClient RequestIndex { get; }
    public TableClient OpenRequests { get; }
    public TableClient Counters { get; }
    public TableClient Training { get; }
    public TableClient Audit { get; }
    public TableClient Idempotency { get; }
    public TableClient ConversationReferences { get; }
    public TableClient StaffAcademies { get; }
    public TableClient Incidents { get; }

    public override IReadOnlyList<TableClient> All => [Register, Requests, RequestIndex, OpenRequests, Counters, Training, Audit, Idempotency, ConversationReferences, StaffAcademies, Incidents];
}
