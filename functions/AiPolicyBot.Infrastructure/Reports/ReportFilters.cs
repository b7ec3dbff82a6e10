using System.Runtime.CompilerServices;
using AiPolicyBot.Application.Reports;
using Azure.Data.Tables;

namespace AiPolicyBot.Infrastructure.Reports;

/// <summary>
/// Server-side filters for report queries, always built with <see cref="TableClient.CreateQueryFilter(FormattableString)"/>
/// (docs/storage.md), and the page size: the most Table Storage returns per page, each page fetched with the
/// previous page's continuation token only when the stream asks for more.
/// </summary>
public static class ReportFilters
{
    public const int PageSize = 1000;

    /// <summary>"column ge start and column lt end" for the period's bounds (empty when it has none).</summary>
    public static IEnumerable<string> Between(string column, ReportPeriod period)
    {
        if (period.StartUtc is { } start) yield return Compare(column, "ge", start);
        if (period.EndExclusiveUtc is { } end) yield return Compare(column, "lt", end);
    }

    /// <summary>"Column op value" with the value quoted and typed by the SDK; the column name is ours, never input.</summary>
    public static string Compare(string column, string op, object value) =>
        TableClient.CreateQueryFilter(FormattableStringFactory.Create(column + " " + op + " {0}", value));

    public static string? And(IEnumerable<string> parts)
    {
        var list = parts.Where(p => p.Length > 0).ToList();
        return list.Count == 0 ? null : string.Join(" and ", list.Select(p => "(" + p + ")"));
    }
}
