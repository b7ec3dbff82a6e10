using System.Text.Json;
using System.Text.RegularExpressions;
using AiPolicyBot.Common;
using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Mail;
using AiPolicyBot.Requests;
using Azure.Data.Tables;

namespace AiPolicyBot.Infrastructure.Mail;

/// <summary>
/// Row layout of the Decisions table. PartitionKey = request reference; RowKey "decision|{role}|{approverId}" (one
/// decision per approver and role: a repeated click is a 409), "decision|{role}|{personId}|{kind}|{ticks}" for the
/// steps that do not decide a role (a question, an answer, a withdrawal: each its own row, at its own time) or
/// "outbox|{jobId}". Ids that are not plain become a hash.
/// </summary>
public static partial class DecisionRows
{
    public const string DecisionPrefix = "decision|";
    public const string OutboxPrefix = "outbox|";

    public static string Partition(string reference)
    {
        if (!Plain().IsMatch(reference)) throw new ArgumentException($"'{reference}' cannot be a partition key.", nameof(reference));
        return reference;
    }

    public static string DecisionKey(string role, string approverId) => $"{DecisionPrefix}{Safe(role)}|{Safe(approverId)}";

    public static string RowKeyOf(ApprovalDecision d) => d.Kind is DecisionKind.Approve or DecisionKind.ApproveWithConditions or DecisionKind.Reject
        ? DecisionKey(d.Role, d.ApproverId)
        : $"{DecisionKey(d.Role, d.ApproverId)}|{d.Kind}|{d.DecidedAt.UtcTicks:D19}";

    public static string OutboxKey(string jobId) => OutboxPrefix + Safe(jobId);

    /// <summary>Filter for one prefix of RowKeys: '|' + 1 = '}'.</summary>
    public static string PrefixFilter(string prefix) =>
        TableClient.CreateQueryFilter($"RowKey ge {prefix} and RowKey lt {prefix[..^1] + "}"}");

    public static TableEntity ToEntity(string reference, ApprovalDecision d) => new(Partition(reference), RowKeyOf(d))
    {
        ["Role"] = d.Role,
        ["ApproverId"] = d.ApproverId,
        ["ApproverName"] = d.ApproverName,
        ["Kind"] = d.Kind.ToString(),
        ["Comment"] = d.Comment,
        ["Conditions"] = JsonSerializer.Serialize(d.Conditions, AiPolicyJson.Options),
        ["DecidedAt"] = d.DecidedAt,
    };

    public static ApprovalDecision ToDecision(TableEntity e) => new(
        e.GetString("Role"),
        e.GetString("ApproverId"),
        e.GetString("ApproverName"),
        Enum.Parse<DecisionKind>(e.GetString("Kind")),
        e.GetString("Comment"),
        JsonSerializer.Deserialize<List<string>>(e.GetString("Conditions") ?? "[]", AiPolicyJson.Options) ?? [],
        e.GetDateTimeOffset("DecidedAt") ?? DateTimeOffset.MinValue);

    public static TableEntity ToEntity(OutboxRecord r) => new(Partition(r.Job.Reference), OutboxKey(r.Job.JobId))
    {
        ["JobId"] = r.Job.JobId,
        ["Reference"] = r.Job.Reference,
        ["Kind"] = r.Job.Kind.ToString(),
        ["CreatedAt"] = r.Job.CreatedAt,
        ["State"] = r.State.ToString(),
        ["DraftId"] = r.DraftId,
        ["UpdatedAt"] = r.UpdatedAt,
        ["LastError"] = r.LastError,
    };

    public static OutboxRecord ToOutbox(TableEntity e) => new(
        new OutboxJob(e.GetString("JobId"), e.GetString("Reference"), Enum.Parse<MailKind>(e.GetString("Kind")),
            e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue),
        Enum.Parse<OutboxState>(e.GetString("State")),
        e.GetString("DraftId"),
        e.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue,
        e.GetString("LastError"));

    private static string Safe(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return TableKeys.Safe(id);
    }

    [GeneratedRegex("^[A-Za-z0-9._@:-]+$")]
    private static partial Regex Plain();
}
