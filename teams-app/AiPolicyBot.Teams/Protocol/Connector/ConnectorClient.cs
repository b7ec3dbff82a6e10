using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AiPolicyBot.Common;
using Microsoft.Extensions.Logging;

namespace AiPolicyBot.Teams.Protocol.Connector;

/// <summary>
/// Hand-built Bot Connector client. Transient faults (429/412/502/503/504, network errors) are retried by the
/// resilience pipeline of the named HttpClient <see cref="HttpClientName"/> (Retry-After honoured, jittered back-off);
/// here: the allow-list, the bearer token, escaped ids, and one forced token refresh on 401.
/// </summary>
public sealed class ConnectorClient(
    IHttpClientFactory httpFactory,
    IConnectorTokenProvider tokens,
    ServiceUrlPolicy serviceUrls,
    ILogger<ConnectorClient> logger) : IConnectorClient
{
    public const string HttpClientName = "connector";

    public Task<ResourceResponse> SendAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken ct) =>
        CallAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities", activity, "send", ct);

    public Task<ResourceResponse> ReplyAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken ct) =>
        CallAsync<ResourceResponse>(HttpMethod.Post, serviceUrl,
            $"v3/conversations/{Esc(conversationId)}/activities/{Esc(replyToId)}", activity with { ReplyToId = replyToId }, "reply", ct);

    public Task<ResourceResponse> UpdateAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct) =>
        CallAsync<ResourceResponse>(HttpMethod.Put, serviceUrl,
            $"v3/conversations/{Esc(conversationId)}/activities/{Esc(activityId)}", activity with { Id = activityId }, "update", ct);

    public Task DeleteAsync(string serviceUrl, string conversationId, string activityId, CancellationToken ct) =>
        CallAsync<JsonElement?>(HttpMethod.Delete, serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(activityId)}", null, "delete", ct);

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken ct) =>
        CallAsync<ConversationResourceResponse>(HttpMethod.Post, serviceUrl, "v3/conversations", parameters, "create conversation", ct);

    public Task<TeamsChannelAccount> GetMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken ct) =>
        CallAsync<TeamsChannelAccount>(HttpMethod.Get, serviceUrl, $"v3/conversations/{Esc(conversationId)}/members/{Esc(userId)}", null, "get member", ct);

    /// <summary>Teams ids contain ':', '@' and ';' (19:abc@thread.tacv2;messageid=1): always escape path segments.</summary>
    private static string Esc(string id) => Uri.EscapeDataString(id);

    private async Task<T> CallAsync<T>(HttpMethod method, string serviceUrl, string path, object? body, string operation, CancellationToken ct)
    {
        var uri = BuildUri(serviceUrl, path);
        var http = httpFactory.CreateClient(HttpClientName);
        var sendToken = serviceUrls.SendsToken(uri);

        var response = await SendOnceAsync(http, method, uri, body, sendToken, forceRefresh: false, ct);
        if (response.StatusCode == HttpStatusCode.Unauthorized && sendToken)
        {
            // The cached token may be revoked or from the wrong authority: force one refresh, then accept the answer.
            response.Dispose();
            logger.LogInformation("Connector answered 401; retrying once with a fresh token");
            response = await SendOnceAsync(http, method, uri, body, sendToken: true, forceRefresh: true, ct);
        }

        using var _ = response;
        if (!response.IsSuccessStatusCode)
        {
            var raw = await response.Content.ReadAsStringAsync(ct);
            var error = new ConnectorException(response.StatusCode, operation, ErrorCode(raw), raw);
            logger.LogWarning("Connector {Operation} failed with {Status} {Code}", operation, (int)response.StatusCode, error.ErrorCode);
            throw error;
        }

        if (response.Content.Headers.ContentLength is 0 || typeof(T) == typeof(JsonElement?))
        {
            return default!;
        }

        var text = await response.Content.ReadAsStringAsync(ct);
        return string.IsNullOrWhiteSpace(text) ? default! : JsonSerializer.Deserialize<T>(text, AiPolicyJson.Options)!;
    }

    private async Task<HttpResponseMessage> SendOnceAsync(
        HttpClient http, HttpMethod method, Uri uri, object? body, bool sendToken, bool forceRefresh, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            // Serialized once into an exact-size array: buffered, so the retry pipeline can send it again.
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), AiPolicyJson.Options))
            {
                Headers = { ContentType = new MediaTypeHeaderValue("application/json", "utf-8") },
            };
        }

        if (sendToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(forceRefresh, ct));
        }

        return await http.SendAsync(request, ct);
    }

    private Uri BuildUri(string serviceUrl, string path)
    {
        // The Playground's serviceUrl has no trailing slash; Teams' has one. Normalise, then append.
        if (!Uri.TryCreate(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/", UriKind.Absolute, out var baseUri)
            || !serviceUrls.IsAllowed(baseUri))
        {
            logger.LogWarning("Refused connector call to a serviceUrl that is not allowed");
            throw new ServiceUrlNotAllowedException(serviceUrl);
        }

        return new Uri(baseUri, path);
    }

    private static string? ErrorCode(string raw)
    {
        if (raw.Contains("MessageWritesBlocked", StringComparison.Ordinal))
        {
            return "MessageWritesBlocked";
        }

        try
        {
            using var doc = JsonDocument.Parse(raw);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object
                && e.TryGetProperty("code", out var code) ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
