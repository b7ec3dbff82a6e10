using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Testing.Azurite;

namespace AiPolicyBot.Infrastructure.Tests.Storage;

/// <summary>
/// Tables of one test class on the Azurite that tools/test.sh started (AIPOLICYBOT_TEST_STORAGE), each class under its
/// own prefix so classes running in parallel never see each other's rows. Deletes its tables afterwards.
/// </summary>
public abstract class TestTables : IAsyncLifetime
{
    public static string ConnectionString => TestStorage.ConnectionString;

    protected TestTables(string prefix)
    {
        Options = new StorageOptions { ConnectionString = ConnectionString, TablePrefix = prefix + Guid.NewGuid().ToString("N")[..8] };
        Tables = new TableClients(Options);
    }

    public StorageOptions Options { get; }
    public TableClients Tables { get; }

    public Task InitializeAsync() => Tables.EnsureCreatedAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        foreach (var table in Tables.All) await table.DeleteAsync();
    }
}
