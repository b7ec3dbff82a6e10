using System.Collections.Concurrent;
using System.Text.Json;
using AiPolicyBot.Testing.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AiPolicyBot.Testing.Graph;

/// <summary>
/// A stateful fake of the Graph endpoints that install the bot for a person, on 127.0.0.1 (port 0): list a user's
/// installed apps filtered by teamsApp/id, install (teamsApp@odata.bind; 409 when installed), the installation's chat,
/// and users/{id} for their address. People in <see cref="Blocked"/> get 403 on install (policy); <see cref="FailInstalls"/>
/// answers the next installs with 503. Every request is recorded.
/// </summary>
public sealed class FakeTeamworkGraph : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, string> _installed = new(StringComparer.OrdinalIgnoreCase); // user → installation id

    private FakeTeamworkGraph(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";
    public ConcurrentQueue<string> Requests { get; } = new();
    public HashSet<string> Blocked { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, string> Mail { get; } = new(StringComparer.OrdinalIgnoreCase);
    public int FailInstalls { get; set; }
    public string? LastBind { get; private set; }

    public bool IsInstalled(string userId) => _installed.ContainsKey(userId);

    public static string ChatOf(string userId) => $"19:{userId}_bot@unq.gbl.spaces";

    public static async Task<FakeTeamworkGraph> StartAsync(string catalogId)
    {
        var app = LoopbackApp.Create();
        var fake = new FakeTeamworkGraph(app);
        fake.Map(app, catalogId);
        await app.StartAsync();
        fake.BaseUrl = app.Urls.Single() + "/v1.0";
        return fake;
    }

    private void Map(WebApplication app, string catalogId)
    {
        app.Use(async (context, next) => { Requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}"); await next(); });
        var user = app.MapGroup("/v1.0/users/{userId}");
        user.MapGet("/teamwork/installedApps", (string userId, HttpRequest request) =>
        {
            var filter = request.Query["$filter"].ToString();
            var matches = filter == $"teamsApp/id eq '{catalogId}'" && _installed.TryGetValue(userId, out var id);
            return Results.Json(new { value = matches ? new[] { new { id = _installed[userId] } } : [] });
        });
        user.MapPost("/teamwork/installedApps", async (string userId, HttpRequest request) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            LastBind = body.RootElement.GetProperty("teamsApp@odata.bind").GetString();
            if (Blocked.Contains(userId)) return Error(403, "Forbidden");
            if (FailInstalls > 0) { FailInstalls--; return Error(503, "ServiceUnavailable"); }
            if (LastBind?.EndsWith("/appCatalogs/teamsApps/" + catalogId, StringComparison.Ordinal) != true) return Error(404, "NotFound");
            return _installed.TryAdd(userId, "inst-" + userId) ? Results.StatusCode(201) : Error(409, "Conflict");
        });
        user.MapGet("/teamwork/installedApps/{installationId}/chat", (string userId, string installationId) =>
            _installed.TryGetValue(userId, out var id) && id == installationId ? Results.Json(new { id = ChatOf(userId) }) : Error(404, "NotFound"));
        user.MapGet("", (string userId) => Mail.TryGetValue(userId, out var mail)
            ? Results.Json(new { id = userId, mail, userPrincipalName = mail })
            : Error(404, "Request_ResourceNotFound"));
    }

    private static IResult Error(int status, string code) => Results.Json(new { error = new { code, message = code } }, statusCode: status);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
