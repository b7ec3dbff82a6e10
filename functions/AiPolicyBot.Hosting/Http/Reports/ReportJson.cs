using System.Text.Json;

namespace AiPolicyBot.Hosting.Http.Reports;

/// <summary>
/// A report as one JSON array of objects, streamed (docs/spec/reports.md): keys are the column names, values keep
/// their type (numbers, booleans, null, arrays of text); dates are yyyy-MM-dd and instants UTC ISO 8601. The writer
/// flushes after the first row and whenever 32 KB are waiting, so memory stays flat however long the report.
/// </summary>
public static class ReportJson
{
    private const int FlushBytes = 32 * 1024;

    public static async Task WriteAsync(Stream body, IReadOnlyList<string> columns, IAsyncEnumerator<object?[]> rows, bool any, CancellationToken ct)
    {
        await using var json = new Utf8JsonWriter(body);
        var names = columns.Select(c => JsonEncodedText.Encode(c)).ToArray();
        json.WriteStartArray();
        var first = true;
        while (any)
        {
            json.WriteStartObject();
            var cells = rows.Current;
            for (var i = 0; i < names.Length; i++)
            {
                json.WritePropertyName(names[i]);
                Write(json, cells[i]);
            }
            json.WriteEndObject();
            if (first || json.BytesPending >= FlushBytes)
            {
                await json.FlushAsync(ct);
                first = false;
            }
            any = await rows.MoveNextAsync();
        }
        json.WriteEndArray();
        await json.FlushAsync(ct);
    }

    private static void Write(Utf8JsonWriter json, object? cell)
    {
        switch (cell)
        {
            case null: json.WriteNullValue(); break;
            case string s: json.WriteStringValue(s); break;
            case DateTimeOffset t: json.WriteStringValue(t.ToUniversalTime().ToString(ReportCsv.InstantFormat, System.Globalization.CultureInfo.InvariantCulture)); break;
            case DateOnly d: json.WriteStringValue(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)); break;
            case bool b: json.WriteBooleanValue(b); break;
            case int i: json.WriteNumberValue(i); break;
            case long l: json.WriteNumberValue(l); break;
            case double x: json.WriteNumberValue(x); break;
            case IEnumerable<string> list:
                json.WriteStartArray();
                foreach (var item in list) json.WriteStringValue(item);
                json.WriteEndArray();
                break;
            default: throw new InvalidOperationException($"A report cell of type {cell.GetType().Name} has no JSON form.");
        }
    }
}
