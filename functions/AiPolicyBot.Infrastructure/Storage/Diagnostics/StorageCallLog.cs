using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AiPolicyBot.Infrastructure.Storage.Diagnostics;

/// <summary>
/// Counts storage transactions as Azure bills them: every HTTP request a Table or Queue client sends, retries
/// included (the policy sits per retry). Each call is kept as a <see cref="StorageCall"/> (method, table or queue,
/// and for a table query its filter), so tests can assert what a use case costs (docs/deploy.md, "Cost model") and
/// that no hot path scans a table (docs/storage.md). Added to the clients only when a <see cref="StorageCallLogs"/> is
/// registered (tests and benchmarks); production registers none.
/// </summary>
public sealed class StorageCallLog(StorageService service) : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentQueue<StorageCall> _calls = new();

    public IReadOnlyList<StorageCall> Calls => [.. _calls];

    public int Count => _calls.Count;

    /// <summary>Starts a fresh count (after a warm-up whose calls should not be measured).</summary>
    public void Clear() => _calls.Clear();

    public override void OnSendingRequest(HttpMessage message) => message.SetProperty(typeof(StorageCallLog), Stopwatch.GetTimestamp());

    public override void OnReceivedResponse(HttpMessage message)
    {
        var elapsed = message.TryGetProperty(typeof(StorageCallLog), out var start) && start is long t ? Stopwatch.GetElapsedTime(t) : TimeSpan.Zero;
        _calls.Enqueue(StorageCall.From(service, message.Request) with { Elapsed = elapsed, Status = message.HasResponse ? message.Response.Status : 0 });
    }
}

/// <summary>One log for the Table client and one for the Queue client.</summary>
public sealed class StorageCallLogs
{
    public StorageCallLog Tables { get; } = new(StorageService.Table);

    public StorageCallLog Queues { get; } = new(StorageService.Queue);

    public int Total => Tables.Count + Queues.Count;

    public void Clear()
    {
        Tables.Clear();
        Queues.Clear();
    }
}

/// <summary>One storage request: which service, HTTP method, the table or queue it addressed, and for a table query its filter.</summary>
public sealed record StorageCall(StorageService Service, string Method, string Resource, string? Filter, bool IsQuery)
{
    /// <summary>From sending the request to its response (the whole round trip as this client saw it).</summary>
    public TimeSpan Elapsed { get; init; }

    public int Status { get; init; }

    /// <summary>A table query that does not pin one partition reads every partition: a scan.</summary>
    public bool IsScan => IsQuery && (Filter is null || !Filter.Contains("PartitionKey eq", StringComparison.Ordinal));

    public static StorageCall From(StorageService service, Request request)
    {
        var uri = request.Uri.ToUri();
        // Azurite puts the account in the path (/devstoreaccount1/Table(...)); Azure in the host name.
        var segments = Uri.UnescapeDataString(uri.AbsolutePath).Trim('/').Split('/');
        var first = segments.Length > 1 && segments[0] == "devstoreaccount1" ? segments[1] : segments[0];
        var paren = first.IndexOf('(');
        var resource = paren < 0 ? first : first[..paren];
        // A table query: GET Table() (or Table with a $filter); a point read names PartitionKey and RowKey in the path.
        var isQuery = service == StorageService.Table && request.Method == RequestMethod.Get && resource != "Tables"
            && (paren < 0 || first.EndsWith("()", StringComparison.Ordinal));
        return new StorageCall(service, request.Method.Method, resource, QueryValue(uri.Query, "$filter"), isQuery);
    }

    private static string? QueryValue(string query, string name)
    {
        foreach (var part in query.TrimStart('?').Split('&'))
        {
            var eq = part.IndexOf('=');
            if (eq > 0 && Uri.UnescapeDataString(part[..eq]) == name) return Uri.UnescapeDataString(part[(eq + 1)..].Replace('+', ' '));
        }

        return null;
    }
}

public enum StorageService
{
    Table,
    Queue,
}
