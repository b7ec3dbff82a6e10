using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AiPolicyBot.Testing.Graph;

/// <summary>
/// The inbox side of the fake Graph (mailbox triage): mail delivered into the Inbox, the Inbox delta query with
/// nextLink paging and deltaLinks (absolute URLs on the fake's own base; tokens can be expired → 410
/// syncStateNotFound), PATCH of categories and extended properties, move, mail folders (list by displayName,
/// create, 409 on a duplicate) and subscriptions (create, PATCH renew, DELETE). Faults per call as for sending.
/// </summary>
public sealed partial class FakeGraph
{
    private long _seq;
    private int _epoch = 1;
    private readonly Dictionary<string, string> _folders = new(StringComparer.Ordinal); // id → displayName
    private readonly Dictionary<string, JsonElement> _subscriptions = new(StringComparer.Ordinal);

    /// <summary>Delta page size when the client sends no odata.maxpagesize.</summary>
    public int DeltaPageSize { get; set; } = 10;

    public int DeltaCalls;

    /// <summary>Mail arrives in the Inbox; returns its (immutable) id.</summary>
    public string Deliver(string from, string subject, string body, IReadOnlyDictionary<string, string>? headers = null, string? fromName = null)
    {
        lock (_gate)
        {
            var id = NewId();
            _messages[id] = new FakeMessage
            {
                Id = id,
                Mailbox = "ia",
                Subject = subject,
                Body = body,
                BodyType = "text",
                From = from,
                FromName = fromName,
                Headers = headers ?? new Dictionary<string, string>(),
                IsInbound = true,
                IsDraft = false,
                Folder = "inbox",
                InternetMessageId = $"<{Guid.NewGuid():N}@sender.example>",
                ReceivedAt = DateTimeOffset.UtcNow,
                Seq = ++_seq,
            };
            return id;
        }
    }

    /// <summary>Graph forgot its sync state: every delta and skip token issued so far now gets 410 syncStateNotFound.</summary>
    public void ExpireDeltaTokens() { lock (_gate) _epoch++; }

    public FakeMessage Message(string id) { lock (_gate) return _messages[id]; }

    public IReadOnlyList<FakeMessage> Inbox() => Folder("inbox");

    public IReadOnlyDictionary<string, string> MailFolders() { lock (_gate) return new Dictionary<string, string>(_folders); }

    public IReadOnlyDictionary<string, JsonElement> Subscriptions() { lock (_gate) return new Dictionary<string, JsonElement>(_subscriptions); }

    private void MapInbox(WebApplication app)
    {
        var users = app.MapGroup("/v1.0/users/{mailbox}");
        users.MapGet("/mailFolders/{folder}/messages/delta()", (string folder, HttpRequest request) =>
            Step(new FakeCall(FakeStep.Delta, "GET", folder), () => Delta(request)));
        users.MapPatch("/messages/{id}", async (string id, HttpRequest request) =>
        {
            using var doc = await JsonDocument.ParseAsync(request.Body);
            var json = doc.RootElement.Clone();
            return Step(new FakeCall(FakeStep.Patch, "PATCH", id), () =>
            {
                lock (_gate)
                {
                    if (!_messages.TryGetValue(id, out var m)) return Error(404, "ErrorItemNotFound");
                    if (Prop(json, "categories") is { ValueKind: JsonValueKind.Array } cats) m.Categories = [.. cats.EnumerateArray().Select(c => c.GetString() ?? "")];
                    if (Prop(json, "singleValueExtendedProperties") is { ValueKind: JsonValueKind.Array } props)
                        foreach (var p in props.EnumerateArray()) m.Properties[Prop(p, "id")?.GetString() ?? ""] = Prop(p, "value")?.GetString() ?? "";
                    return Results.Json(InboundJson(m));
                }
            });
        });
        users.MapPost("/messages/{id}/move", async (string id, HttpRequest request) =>
        {
            using var doc = await JsonDocument.ParseAsync(request.Body);
            var destination = Prop(doc.RootElement, "destinationId")?.GetString() ?? "";
            return Step(new FakeCall(FakeStep.Move, "POST", id), () =>
            {
                lock (_gate)
                {
                    if (!_messages.TryGetValue(id, out var m)) return Error(404, "ErrorItemNotFound");
                    if (!_folders.TryGetValue(destination, out var name)) return Error(404, "ErrorFolderNotFound");
                    if (m.Folder != name) { m.Folder = name; m.MovedSeq = ++_seq; }
                    m.MoveCount++;
                    return Results.Json(InboundJson(m), statusCode: 201); // immutable id: the same id after the move
                }
            });
        });
        users.MapGet("/mailFolders", (HttpRequest request) => Step(new FakeCall(FakeStep.ListFolders, "GET", null), () =>
        {
            var filter = request.Query["$filter"].ToString();
            var name = filter.StartsWith("displayName eq '", StringComparison.Ordinal) ? filter[16..^1].Replace("''", "'") : null;
            lock (_gate)
                return Results.Json(new Dictionary<string, object?>
                {
                    ["value"] = _folders.Where(f => name is null || f.Value == name)
                        .Select(f => new Dictionary<string, object?> { ["id"] = f.Key, ["displayName"] = f.Value }).ToList(),
                });
        }));
        users.MapPost("/mailFolders", async (HttpRequest request) =>
        {
            using var doc = await JsonDocument.ParseAsync(request.Body);
            var name = Prop(doc.RootElement, "displayName")?.GetString() ?? "";
            return Step(new FakeCall(FakeStep.CreateFolder, "POST", name), () =>
            {
                lock (_gate)
                {
                    if (_folders.ContainsValue(name)) return Error(409, "ErrorFolderExists");
                    var id = "folder-" + Guid.NewGuid().ToString("N")[..12];
                    _folders[id] = name;
                    return Results.Json(new Dictionary<string, object?> { ["id"] = id, ["displayName"] = name }, statusCode: 201);
                }
            });
        });

        app.MapPost("/v1.0/subscriptions", async (HttpRequest request) =>
        {
            using var doc = await JsonDocument.ParseAsync(request.Body);
            var json = doc.RootElement.Clone();
            return Step(new FakeCall(FakeStep.Subscription, "POST", null), () =>
            {
                var id = Guid.NewGuid().ToString();
                lock (_gate) _subscriptions[id] = json;
                var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(json.GetRawText())!;
                body["id"] = id;
                return Results.Json(body, statusCode: 201);
            });
        });
        app.MapMethods("/v1.0/subscriptions/{id}", ["PATCH"], async (string id, HttpRequest request) =>
        {
            using var doc = await JsonDocument.ParseAsync(request.Body);
            var expiry = Prop(doc.RootElement, "expirationDateTime")?.GetString();
            return Step(new FakeCall(FakeStep.Subscription, "PATCH", id), () =>
            {
                lock (_gate)
                {
                    if (!_subscriptions.ContainsKey(id)) return Error(404, "ResourceNotFound");
                    return Results.Json(new Dictionary<string, object?> { ["id"] = id, ["expirationDateTime"] = expiry });
                }
            });
        });
        app.MapDelete("/v1.0/subscriptions/{id}", (string id) => Step(new FakeCall(FakeStep.Subscription, "DELETE", id), () =>
        {
            lock (_gate) return _subscriptions.Remove(id) ? Results.NoContent() : Error(404, "ResourceNotFound");
        }));
    }

    /// <summary>Forgets a subscription, as Graph does when it removes one.</summary>
    public void DropSubscription(string id) { lock (_gate) _subscriptions.Remove(id); }

    private IResult Delta(HttpRequest request)
    {
        Interlocked.Increment(ref DeltaCalls);
        var prefer = request.Headers["Prefer"].ToString();
        var size = DeltaPageSize;
        var max = System.Text.RegularExpressions.Regex.Match(prefer, @"odata\.maxpagesize=(\d+)");
        if (max.Success) size = int.Parse(max.Groups[1].Value);
        lock (_gate)
        {
            long from, to;
            int offset;
            if (request.Query["$deltatoken"].ToString() is { Length: > 0 } dt)
            {
                var p = dt.Split('.');
                if (int.Parse(p[0]) != _epoch) return Error(410, "syncStateNotFound");
                from = long.Parse(p[1]); to = _seq; offset = 0;
            }
            else if (request.Query["$skiptoken"].ToString() is { Length: > 0 } st)
            {
                var p = st.Split('.');
                if (int.Parse(p[0]) != _epoch) return Error(410, "syncStateNotFound");
                from = long.Parse(p[1]); to = long.Parse(p[2]); offset = int.Parse(p[3]);
            }
            else { from = -1; to = _seq; offset = 0; }

            // The round reports the Inbox as it was at "to" (later moves do not shift the pages of this round).
            bool InboxAtTo(FakeMessage m) => m.Seq <= to && (m.Folder == "inbox" || m.MovedSeq > to);
            var changes = _messages.Values.Where(m => m.IsInbound)
                .Select(m => (m, added: InboxAtTo(m) && m.Seq > from,
                              removed: !InboxAtTo(m) && m.Seq <= from && m.MovedSeq > from && m.MovedSeq <= to))
                .Where(x => x.added || x.removed).OrderBy(x => x.added ? x.m.Seq : x.m.MovedSeq).ToList();
            var page = changes.Skip(offset).Take(size).Select(x => x.added
                ? new Dictionary<string, object?>
                {
                    ["id"] = x.m.Id,
                    ["internetMessageId"] = x.m.InternetMessageId,
                    ["subject"] = x.m.Subject,
                    ["from"] = Address(x.m.From, x.m.FromName),
                    ["receivedDateTime"] = x.m.ReceivedAt,
                }
                : new Dictionary<string, object?> { ["id"] = x.m.Id, ["@removed"] = new Dictionary<string, object?> { ["reason"] = "deleted" } }).ToList();
            var self = $"{BaseUrl}/v1.0/users/{Uri.EscapeDataString(request.RouteValues["mailbox"]?.ToString() ?? "")}/mailFolders/inbox/messages/delta()";
            var body = new Dictionary<string, object?> { ["value"] = page };
            if (offset + size < changes.Count) body["@odata.nextLink"] = $"{self}?$skiptoken={_epoch}.{from}.{to}.{offset + size}";
            else body["@odata.deltaLink"] = $"{self}?$deltatoken={_epoch}.{to}";
            return Results.Json(body);
        }
    }

    private static Dictionary<string, object?> InboundJson(FakeMessage m) => new()
    {
        ["id"] = m.Id,
        ["isDraft"] = m.IsDraft,
        ["internetMessageId"] = m.InternetMessageId,
        ["subject"] = m.Subject,
        ["from"] = Address(m.From, m.FromName),
        ["toRecipients"] = new[] { Address("information.assurance@trust.example", null) },
        ["receivedDateTime"] = m.ReceivedAt,
        ["body"] = new Dictionary<string, object?> { ["contentType"] = "text", ["content"] = m.Body },
        ["internetMessageHeaders"] = m.Headers.Select(h => new Dictionary<string, object?> { ["name"] = h.Key, ["value"] = h.Value }).ToList(),
        ["categories"] = m.Categories,
    };

    private static Dictionary<string, object?> Address(string? address, string? name) =>
        new() { ["emailAddress"] = new Dictionary<string, object?> { ["address"] = address, ["name"] = name } };

    private static JsonElement? Prop(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object) return null;
        foreach (var p in e.EnumerateObject())
            if (p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) return p.Value;
        return null;
    }
}
