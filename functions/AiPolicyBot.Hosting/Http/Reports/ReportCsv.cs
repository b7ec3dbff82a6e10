using System.Globalization;
using CsvHelper;

namespace AiPolicyBot.Hosting.Http.Reports;

/// <summary>
/// A report as CSV through CsvHelper (docs/spec/reports.md): UTF-8 with a byte order mark so Excel reads it as UTF-8,
/// RFC 4180 quoting, CRLF line ends. Text cells that start with = + - @ (or tab / CR) get a leading apostrophe, so a
/// spreadsheet shows them as text instead of running a formula; numbers, dates and booleans are written as they are.
/// Lists are one cell, items separated by "; ". Instants are UTC, yyyy-MM-ddTHH:mm:ssZ.
/// </summary>
public static class ReportCsv
{
    public const string ContentType = "text/csv; charset=utf-8";
    public const string ListSeparator = "; ";
    public const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public static async Task WriteAsync(Stream body, IReadOnlyList<string> columns, IAsyncEnumerator<object?[]> rows, bool any, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(body, new CsvWriterOptions
        {
            WriteByteOrderMark = true,
            Injection = CsvInjection.Escape,
            TrueValue = "true",
            FalseValue = "false",
        }, leaveOpen: true);
        csv.WriteHeader(columns.ToArray());
        var first = true;
        while (any)
        {
            foreach (var cell in rows.Current) Write(csv, cell);
            await csv.EndRecordAsync(ct);
            if (first)
            {
                await csv.FlushAsync(ct);
                first = false;
            }
            any = await rows.MoveNextAsync();
        }
        await csv.FlushAsync(ct);
    }

    private static void Write(CsvWriter csv, object? cell)
    {
        switch (cell)
        {
            case null: csv.WriteField((string?)null); break;
            case string s: csv.WriteField(s); break;
            case DateTimeOffset t: csv.WriteField(t.ToUniversalTime().ToString(InstantFormat, CultureInfo.InvariantCulture)); break;
            case DateOnly d: csv.WriteField(d, default); break;
            case bool b: csv.WriteField(b); break;
            case int i: csv.WriteField(i, default); break;
            case long l: csv.WriteField(l, default); break;
            case double x: csv.WriteField(x, default); break;
            case IEnumerable<string> list: csv.WriteField(string.Join(ListSeparator, list)); break;
            default: throw new InvalidOperationException($"A report cell of type {cell.GetType().Name} has no CSV form.");
        }
    }
}
