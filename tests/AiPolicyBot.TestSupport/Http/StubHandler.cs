namespace AiPolicyBot.Testing.Http;

/// <summary>An HttpMessageHandler answering from a function, in process (no sockets).</summary>
public sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct) =>
        Task.FromResult(answer(request));
}
