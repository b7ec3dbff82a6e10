using Azure.Core;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;

namespace AiPolicyBot.Infrastructure.Mail;

/// <summary>
/// Builds the one app-only GraphServiceClient (a singleton): managed identity in Azure (GraphMail:ClientId for a
/// user-assigned identity), the SDK's default middleware with the RetryHandler replaced by <see cref="GraphRetry"/>'s
/// safe policy, and a configurable base URL. For a non-Graph host (the loopback fake in tests) the SDK sends no
/// token and never calls Entra, so tests use this exact wiring.
/// The client is built on first use, not when the services are built: a process that never sends or reads mail (a
/// chat-only instance, the chat turn) never loads the Graph SDK or Kiota (about 12 MB resident and a few hundred
/// JIT-compiled methods; docs/benchmarks.md). So take this class, not a GraphServiceClient, in a constructor: a
/// constructor parameter of a Graph type makes the container load the SDK when it builds the service.
/// </summary>
public sealed class GraphMailClient(GraphMailOptions options)
{
    private GraphServiceClient? _client;

    public GraphServiceClient Client => _client ?? Build();

    private GraphServiceClient Build()
    {
        var built = Create(options);
        return Interlocked.CompareExchange(ref _client, built, null) ?? built;
    }

    public static GraphServiceClient Create(GraphMailOptions options)
    {
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        var retry = handlers.ToList().FindIndex(h => h is RetryHandler);
        var safe = new RetryHandler(GraphRetry.SafeRetry(options.MaxRetry, options.RetryDelaySeconds));
        if (retry >= 0) handlers[retry] = safe; else handlers.Insert(0, safe);
        var http = GraphClientFactory.Create(handlers);

        TokenCredential credential = string.IsNullOrWhiteSpace(options.ClientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ClientId));
        return new GraphServiceClient(http, credential, ["https://graph.microsoft.com/.default"], options.BaseUrl.TrimEnd('/'));
    }
}
