namespace AiPolicyBot.Teams.Tests.Support;

/// <summary>For unit tests of one class that only needs some HttpClient.</summary>
public sealed class SimpleHttpClientFactory : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new();
}
