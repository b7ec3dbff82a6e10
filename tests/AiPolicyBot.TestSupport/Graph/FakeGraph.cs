using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using AiPolicyBot.Testing.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AiPolicyBot.Testing.Graph;

/// <summary>
/// A stateful fake of the Graph mail endpoints the sender uses, on 127.0.0.1 (port 0): create draft, get message,
/// list a folder filtered by the job-id extended property, send a draft. It records every request, draft and send,
/// and injects faults per call (<see cref="Faults"/>): an error before the effect (the request was rejected) or after
/// it (Graph did the work, the gateway gave up: the "504 after accepted" case).
/// </summary>
public sealed partial class FakeGraph : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly Dictionary<string, FakeMessage> _messages = new(StringComparer.Ordinal);
    private readonly List<FakeMessage> _sends = [];
    private int _next;

    private FakeGraph(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Decides a fault for a call (null = behave). Called once per HTTP request, in arrival order.</summary>
    public Func<FakeCall, Fault?>? Faults { get; set; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static async Task<FakeGraph> StartAsync()
    {
        var app = LoopbackApp.Create();
        var fake = new FakeGraph(app);
        fake.Map(app);
        await app.StartAsync();
        fake.BaseUrl = app.Urls.Single();
        return fake;
    }

    public IReadOnlyList<FakeMessage> Sends { get { lock (_gate) return [.. _sends]; } }

    public IReadOnlyList<FakeMessage> Folder(string folder) { lock (_gate) return [.. _messages.Values.Where(m => m.Folder == folder)]; }

    public int SendsOf(string jobId) { lock (_gate) return _sends.Count(m => m.JobId == jobId); }

    /// <summary>Someone deleted the item in the mailbox.</summary>
    public void Delete(string id) { lock (_gate) _messages.Remove(id); }

    public int DraftsCreatedFor(string jobId) { lock (_gate) return _messages.Values.Count(m => m.JobId == jobId); }

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            Requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString,
                context.Request.Headers["Prefer"].ToString(), context.Request.Headers["Retry-Attempt"].ToString(), DateTimeOffset.UtcNow));
            await next();
        });

        var users = app.MapGroup("/v1.0/users/{mailbox}");
        users.MapPost("/messages", async (string mailbox, HttpRequest request) =>
        {
            using var doc = await JsonDocument.ParseAsync(request.Body);
            return Step(new FakeCall(FakeStep.CreateDraft, "POST", null), () =>
            {
                var message = FakeMessage.FromJson(NewId(), mailbox, doc.RootElement, request.Headers["Prefer"].ToString());
                lock (_gate) _messages[message.Id] = message;
                return Results.Json(new Dictionary<string, object?> { ["id"] = message.Id, ["isDraft"] = true, ["subject"] = message.Subject }, statusCode: 201);
            });
        });
        users.MapGet("/messages/{id}", (string id) => Step(new FakeCall(FakeStep.GetMessage, "GET", id), () =>
        {
            lock (_gate)
                return _messages.TryGetValue(id, out var m)
                    ? Results.Json(m.IsInbound ? InboundJson(m) : new Dictionary<string, object?> { ["id"] = m.Id, ["isDraft"] = m.IsDraft })
                    : Error(404, "ErrorItemNotFound");
        }));
        users.MapPost("/messages/{id}/send", (string id) => Step(new FakeCall(FakeStep.Send, "POST", id), () =>
        {
            lock (_gate)
            {
                if (!_messages.TryGetValue(id, out var m)) return Error(404, "ErrorItemNotFound");
                if (!m.IsDraft) return Error(400, "ErrorInvalidOperation"); // Graph refuses to send a sent item
                m.IsDraft = false;
                m.Folder = "sentitems"; // immutable id: same id, now in Sent Items
                _sends.Add(m);
                return Results.StatusCode(202);
            }
        }));
        users.MapGet("/mailFolders/{folder}/messages", (string folder, HttpRequest request) =>
            Step(new FakeCall(FakeStep.ListFolder, "GET", folder), () =>
            {
                var filter = request.Query["$filter"].ToString();
                var match = ValueFilter().Match(filter);
                var jobId = match.Success ? match.Groups[1].Value.Replace("''", "'") : null;
                lock (_gate)
                {
                    var found = _messages.Values.Where(m => m.Folder == folder.ToLowerInvariant() && (jobId is null || m.JobId == jobId))
                        .Select(m => new Dictionary<string, object?> { ["id"] = m.Id }).ToList();
                    return Results.Json(new Dictionary<string, object?> { ["value"] = found });
                }
            }));
        MapInbox(app);
    }

    private IResult Step(FakeCall call, Func<IResult> effect)
    {
        var fault = Faults?.Invoke(call);
        if (fault is { AfterEffect: false }) return Fail(fault);
        var result = effect();
        return fault is null ? result : Fail(fault);
    }

    private static IResult Fail(Fault fault) => new FaultResult(fault);

    private static IResult Error(int status, string code) =>
        Results.Json(new { error = new { code, message = code } }, statusCode: status);

    private string NewId() => $"AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0A{Interlocked.Increment(ref _next):D6}AAA=";

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [GeneratedRegex(@"ep/value eq '((?:[^']|'')*)'")]
    private static partial Regex ValueFilter();

    private sealed class FaultResult(Fault fault) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = fault.Status;
            if (fault.RetryAfterSeconds is { } s) context.Response.Headers.RetryAfter = s.ToString();
            if (fault.JsonBody)
                await context.Response.WriteAsJsonAsync(new { error = new { code = fault.Status == 429 ? "ApplicationThrottled" : "ServiceUnavailable", message = "injected" } });
        }
    }
}

public enum FakeStep { CreateDraft, GetMessage, ListFolder, Send, Delta, Patch, Move, ListFolders, CreateFolder, Subscription }

public sealed record FakeCall(FakeStep Step, string Method, string? Target);

/// <param name="AfterEffect">true: Graph did the work and then answered with the error.</param>
/// <param name="JsonBody">true: an ODataError body; false: a bare status (the SDK throws a plain ApiException).</param>
public sealed record Fault(int Status, bool AfterEffect = false, int? RetryAfterSeconds = null, bool JsonBody = true);

public sealed record RecordedRequest(string Method, string PathAndQuery, string Prefer, string RetryAttempt, DateTimeOffset At);

public sealed class FakeMessage
{
    public required string Id { get; init; }
    public required string Mailbox { get; init; }
    public string? Subject { get; init; }
    public string? BodyType { get; init; }
    public string? Body { get; init; }
    public IReadOnlyList<string> To { get; init; } = [];
    public string? From { get; init; }
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    public string? JobId { get; init; }
    public string? Prefer { get; init; }
    public bool IsDraft { get; set; } = true;
    public string Folder { get; set; } = "drafts";

    // Inbound mail (FakeGraph.Deliver): delta sequence numbers, tags and moves.
    public bool IsInbound { get; init; }
    public string? FromName { get; init; }
    public string? InternetMessageId { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public long Seq { get; set; }
    public long MovedSeq { get; set; }
    public List<string> Categories { get; set; } = [];
    public Dictionary<string, string> Properties { get; } = new(StringComparer.Ordinal);
    public int MoveCount { get; set; }

    /// <summary>Reads the draft JSON case-insensitively (the SDK writes camelCase; action bodies PascalCase).</summary>
    public static FakeMessage FromJson(string id, string mailbox, JsonElement json, string prefer)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var h in Array(json, "internetMessageHeaders")) headers[Str(h, "name") ?? ""] = Str(h, "value") ?? "";
        var jobId = Array(json, "singleValueExtendedProperties").Select(p => (Id: Str(p, "id"), Value: Str(p, "value")))
            .FirstOrDefault(p => p.Id?.EndsWith("Name IaJobId", StringComparison.Ordinal) == true).Value;
        var body = Get(json, "body");
        return new FakeMessage
        {
            Id = id,
            Mailbox = mailbox,
            Subject = Str(json, "subject"),
            BodyType = body is { } b ? Str(b, "contentType") : null,
            Body = body is { } b2 ? Str(b2, "content") : null,
            To = [.. Array(json, "toRecipients").Select(r => Get(r, "emailAddress") is { } e ? Str(e, "address") ?? "" : "")],
            From = Get(json, "from") is { } f && Get(f, "emailAddress") is { } fe ? Str(fe, "address") : null,
            Headers = headers,
            JobId = jobId,
            Prefer = prefer,
        };
    }

    private static JsonElement? Get(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object) return null;
        foreach (var p in e.EnumerateObject())
            if (p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) return p.Value;
        return null;
    }

    private static string? Str(JsonElement e, string name) => Get(e, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        Get(e, name) is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray().ToList() : [];
}
