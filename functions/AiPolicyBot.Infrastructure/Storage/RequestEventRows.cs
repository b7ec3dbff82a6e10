using System.Globalization;
using AiPolicyBot.Requests;
using Azure.Data.Tables;

namespace AiPolicyBot.Infrastructure.Storage;

/// <summary>How far a request event got: Pending until every handler ran (Handled), or given up after the queue's
/// retries (Failed, alerted). Only forward moves.</summary>
public enum RequestEventState { Pending, Handled, Failed }

/// <summary>A request event's outbox row.</summary>
public sealed record RequestEventRecord(RequestEvent Event, RequestEventState State, DateTimeOffset UpdatedAt, string? LastError = null)
{
    public bool IsFinished => State is RequestEventState.Handled or RequestEventState.Failed;
}

/// <summary>
/// Row layout of request events in the Requests table. They sit in their request's partition (the year), so the
/// request change and its event commit in one entity-group transaction: RowKey "event|{reference}|{id}". Their
/// columns (EventState, not State; no RequesterId) keep them out of every request query (docs/storage.md).
/// </summary>
public static class RequestEventRows
{
    public const string Prefix = "event|";

    public static string RowKey(string reference, string id) => $"{Prefix}{reference}|{TableKeys.Safe(id)}";

    /// <summary>Every event row: RowKey from "event|" up to (not including) "event}" ('|' + 1 = '}').</summary>
    public static string AllFilter => TableClient.CreateQueryFilter($"RowKey ge {Prefix} and RowKey lt {"event}"}");

    public static TableEntity ToEntity(string partition, RequestEventRecord r) => new(partition, RowKey(r.Event.Reference, IdOf(r.Event)))
    {
        ["EventId"] = r.Event.Id,
        ["Reference"] = r.Event.Reference,
        ["Kind"] = r.Event.Kind.ToString(),
        ["At"] = r.Event.At,
        ["ActorId"] = r.Event.ActorId,
        ["EventState"] = r.State.ToString(),
        ["UpdatedAt"] = r.UpdatedAt,
        ["LastError"] = r.LastError,
    };

    public static RequestEventRecord ToRecord(TableEntity e) => new(
        new RequestEvent(e.GetString("Reference"), Enum.Parse<RequestEventKind>(e.GetString("Kind")),
            e.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue, e.GetString("ActorId"), e.GetString("EventId")),
        Enum.Parse<RequestEventState>(e.GetString("EventState")),
        e.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue,
        e.GetString("LastError"));

    public static string Partition(int year) => year.ToString("D4", CultureInfo.InvariantCulture);

    private static string IdOf(RequestEvent e) =>
        e.Id is { Length: > 0 } id ? id : throw new ArgumentException("A request event needs its id before it is stored.", nameof(e));
}
