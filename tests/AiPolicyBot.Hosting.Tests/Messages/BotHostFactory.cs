using AiPolicyBot.Conversations;
using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.MessageExtension;
using AiPolicyBot.Teams.Protocol;
using AiPolicyBot.Teams.Protocol.Connector;
using AiPolicyBot.Testing.Azurite;
using AiPolicyBot.Testing.Hosts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moq;

namespace AiPolicyBot.Hosting.Tests.Messages;

/// <summary>
/// The local host in memory with the given Bot settings, a recording message/invoke handler, and mocked connector
/// and store, so a test can prove that a rejected request touched nothing. The header <see cref="RemoteIpFilter.Header"/>
/// sets the caller's address (TestServer has none); without it the caller is loopback.
/// </summary>
public sealed class BotHostFactory(IDictionary<string, string?> settings, string environment = "Development")
    : WebApplicationFactory<WebHostProgram>
{
    public Mock<IConnectorClient> Connector { get; } = new();
    public Mock<IConversationReferenceStore> Store { get; } = new();
    public RecordingHandler Handler { get; } = new();

    // Some tests expect start-up to fail: the gate makes that failure, not a disposal race, what CreateClient throws.
    private readonly StartGate _start = new();

    protected override IHost CreateHost(IHostBuilder builder) => _start.BuildAndStart(builder);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        _start.AddTo(builder);
        builder.UseEnvironment(environment);
        // Its background pumps use the test Azurite with queues and tables of their own, never a developer's local
        // storage on the default ports; a test's own settings come after and win.
        var prefix = "b" + Guid.NewGuid().ToString("N")[..10];
        builder.ConfigureAppConfiguration((_, config) => config
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = TestStorage.ConnectionString,
                ["Storage:TablePrefix"] = prefix,
                ["Storage:QueuePrefix"] = prefix + "-",
            })
            .AddInMemoryCollection(settings));
        builder.ConfigureServices(services =>
        {
            services.AddSingleton(Connector.Object);
            services.AddSingleton(Store.Object);
            services.AddSingleton<IMessageHandler>(Handler);
            // The recording handler takes the real query handler's place: one handler per invoke name.
            foreach (var real in services.Where(d => d.ImplementationType == typeof(QueryInvokeHandler)).ToList()) services.Remove(real);
            services.AddSingleton<IInvokeHandler>(Handler);
            services.AddSingleton<IStartupFilter, RemoteIpFilter>();
        });
    }

    /// <summary>Counts calls; answers composeExtension/query with a message result.</summary>
    public sealed class RecordingHandler : IMessageHandler, IInvokeHandler
    {
        private int _calls;
        public int Calls => Volatile.Read(ref _calls);
        public string Name => "composeExtension/query";

        public Task HandleAsync(TurnContext turn, CancellationToken ct)
        {
            Interlocked.Increment(ref _calls);
            return Task.CompletedTask;
        }

        Task<InvokeResponse> IInvokeHandler.HandleAsync(TurnContext turn, CancellationToken ct)
        {
            Interlocked.Increment(ref _calls);
            return Task.FromResult(InvokeResponseFactory.SearchMessage("No results for 'xyz'."));
        }
    }
}
