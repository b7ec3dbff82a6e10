using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace AiPolicyBot.Infrastructure.Storage;

/// <summary>
/// The one shape of every part's storage: the tables (<see cref="All"/>) and queues (<see cref="Queues"/>) it owns,
/// created together once per process on first use (<see cref="CreateOnce"/>), never again on the request path.
/// </summary>
public abstract class StorageSet
{
    private readonly CreateOnce _create = new();

    /// <summary>Every table of the set (what retention and the start-up check walk).</summary>
    public abstract IReadOnlyList<TableClient> All { get; }

    /// <summary>Every queue of the set, poison queues included.</summary>
    protected virtual IReadOnlyList<QueueClient> Queues => [];

    public Task EnsureCreatedAsync(CancellationToken ct) => _create.RunAsync(CreateAllAsync, ct);

    private async Task CreateAllAsync(CancellationToken ct)
    {
        foreach (var table in All)
        {
            await table.CreateIfNotExistsAsync(ct);
        }

        foreach (var queue in Queues)
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: ct);
        }
    }
}
