namespace AiPolicyBot.Testing.Http;

/// <summary>
/// Clients for a class that needs only some HttpClient: over the network by default, or all through
/// <paramref name="handler"/> (kept alive across clients, as the real factory keeps its handlers).
/// </summary>
public sealed class SimpleHttpClientFactory(HttpMessageHandler? handler = null) : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => handler is null ? new() : new(handler, disposeHandler: false);
}
