using AiPolicyBot.Infrastructure.Storage;
using Azure.Storage.Queues;

namespace AiPolicyBot.Infrastructure.Tests.Storage;

/// <summary>Azure uses identity-based storage (no keys); local runs and tests use a connection string.</summary>
public class StorageServiceClientsTests
{
    [Fact]
    public void An_account_name_means_the_managed_identity_endpoints()
    {
        var options = new StorageOptions { AccountName = "aipolicybotprod", ClientId = "11111111-2222-3333-4444-555555555555" };
        Assert.Equal(new Uri("https://aipolicybotprod.table.core.windows.net/"), StorageServiceClients.Tables(options).Uri);
        Assert.Equal(new Uri("https://aipolicybotprod.queue.core.windows.net/"), StorageServiceClients.Queues(options).Uri);
    }

    [Fact]
    public void Without_an_account_name_the_connection_string_is_used()
    {
        var options = new StorageOptions { ConnectionString = TestTables.ConnectionString };
        Assert.Equal("devstoreaccount1", StorageServiceClients.Tables(options).AccountName);
        Assert.Equal("devstoreaccount1", StorageServiceClients.Queues(options).AccountName);
    }

    [Fact]
    public async Task Queue_messages_are_base64_as_the_Functions_trigger_expects()
    {
        var queues = StorageServiceClients.Queues(new StorageOptions { ConnectionString = TestTables.ConnectionString });
        var queue = queues.GetQueueClient("b64-" + Guid.NewGuid().ToString("N")[..12]);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("{\"x\":1}");
        var raw = new QueueClient(TestTables.ConnectionString, queue.Name); // no decoding
        var message = (await raw.ReceiveMessageAsync()).Value;
        Assert.Equal("{\"x\":1}", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(message.Body.ToString())));
        await queue.DeleteAsync();
    }
}
