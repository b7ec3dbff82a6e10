using System.Runtime.CompilerServices;
using AiPolicyBot.Application.Reports;
using AiPolicyBot.Application.Reports.Requests;
using AiPolicyBot.Common;
using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Policy;
using AiPolicyBot.Requests;
using Azure.Data.Tables;

namespace AiPolicyBot.Infrastructure.Reports;

/// <summary>
/// Requests of a period from {prefix}Requests, paged (docs/storage.md): the year partitions that can hold the period
/// (PartitionKey range) and SubmittedAt filtered on the server. The facts read only the narrow columns
/// (<see cref="TableRequestStore"/> writes them beside the JSON); a row written before they existed is read whole once.
/// </summary>
public sealed class TableRequestReportSource(TableClients tables) : IRequestReportSource
{
    private static readonly string[] FactColumns =
        ["PartitionKey", "RowKey", "SubmittedAt", "State", TableRequestStore.ToolColumn, TableRequestStore.AcademyColumn, TableRequestStore.TierColumn, TableRequestStore.DecidedAtColumn];

    public async IAsyncEnumerable<ToolRequest> ReadAsync(ReportPeriod period, [EnumeratorCancellation] CancellationToken ct)
    {
        await tables.EnsureCreatedAsync(ct);
        await foreach (var e in tables.Requests.QueryAsync<TableEntity>(Filter(period), ReportFilters.PageSize, cancellationToken: ct))
            yield return TableRequestStore.ToRequest(e);
    }

    public async IAsyncEnumerable<RequestFacts> ReadFactsAsync(ReportPeriod period, [EnumeratorCancellation] CancellationToken ct)
    {
        await tables.EnsureCreatedAsync(ct);
        await foreach (var e in tables.Requests.QueryAsync<TableEntity>(Filter(period), ReportFilters.PageSize, FactColumns, ct))
        {
            if (Facts(e) is { } facts) yield return facts;
            else if (await tables.Requests.GetEntityIfExistsAsync<TableEntity>(e.PartitionKey, e.RowKey, cancellationToken: ct) is { HasValue: true } whole)
                yield return RequestFacts.From(TableRequestStore.ToRequest(whole.Value!));
        }
    }

    /// <summary>
    /// Year partitions from the year of <c>from</c> to the year of <c>to</c>, then the submission instant. A request is
    /// numbered in the year it is created, so only a period starting in January also reads the year before (a mail's
    /// draft numbered on 31 December may be written just after midnight). Request rows are keyed by reference; the
    /// event rows beside them (<see cref="RequestEventRows"/>) sort after "event|" and are left out by the RowKey range.
    /// </summary>
    private static string? Filter(ReportPeriod period)
    {
        var parts = new List<string> { ReportFilters.Compare("RowKey", "lt", RequestEventRows.Prefix) };
        if (period.From is { } from)
        {
            var firstYear = from.Month == 1 ? from.Year - 1 : from.Year;
            parts.Add(ReportFilters.Compare("PartitionKey", "ge", firstYear.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (period.To is { } to) parts.Add(ReportFilters.Compare("PartitionKey", "le", to.Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)));
        parts.AddRange(ReportFilters.Between("SubmittedAt", period));
        return ReportFilters.And(parts);
    }

    private static RequestFacts? Facts(TableEntity e)
    {
        if (e.GetString(TableRequestStore.TierColumn) is not { } tierName || !Enum.TryParse<Tier>(tierName, out var tier)) return null;
        if (!Enum.TryParse<RequestState>(e.GetString("State"), out var state)) return null;
        return new RequestFacts(e.RowKey, e.GetDateTimeOffset("SubmittedAt") ?? default, e.GetString(TableRequestStore.ToolColumn) ?? "",
            e.GetString(TableRequestStore.AcademyColumn) ?? "", tier, state, e.GetDateTimeOffset(TableRequestStore.DecidedAtColumn));
    }
}
