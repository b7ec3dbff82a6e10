using System.Text;
using System.Text.Json.Nodes;
using AiPolicyBot.Common;
using AiPolicyBot.Register;
using CsvHelper;

namespace AiPolicyBot.Application.Register;

/// <summary>
/// The register as CSV (RFC 4180, UTF-8 with a byte order mark so Excel opens it as UTF-8), through CsvHelper: one
/// header row with the wire fields (scope flattened to users, minYearGroup, dataAllowed, academies, useCategories);
/// list fields hold their items separated by <c>;</c>. Reading turns each row into the wire JSON, so a CSV import is
/// checked by exactly the rules of a JSON import (docs/register-admin.md).
/// </summary>
public static class RegisterCsv
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "id", "name", "vendor", "edition", "accessMode", "aliases", "status", "users", "minYearGroup", "dataAllowed",
        "academies", "useCategories", "conditions", "trainingUrl", "decisionReason", "decidedBy", "decidedOn", "reviewBy",
        "policySections", "version",
    ];

    private static readonly string[] RequiredColumns = ["id", "name", "status"];
    private static readonly HashSet<string> ListColumns = ["aliases", "academies", "useCategories", "conditions", "policySections"];
    private static readonly HashSet<string> ScopeColumns = ["users", "minYearGroup", "dataAllowed", "academies", "useCategories"];
    public const int MaxRecordBytes = 64 * 1024;

    public static byte[] Write(IEnumerable<Versioned<RegisterEntry>> entries)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions
        {
            WriteByteOrderMark = true,
            // A name like "=HYPERLINK(…)" must open in a spreadsheet as text, not run as a formula.
            Injection = CsvInjection.Escape,
        }, leaveOpen: true))
        {
            csv.WriteHeader(Columns.ToArray());
            foreach (var e in entries)
            {
                var json = RegisterEntryWire.ToJson(e.Value, e.Version);
                var scope = json["scope"]!.AsObject();
                csv.WriteRecord(Columns.Select(c => Cell(ScopeColumns.Contains(c) ? scope[c] : json[c])).ToArray());
            }
            csv.Flush();
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// The rows of a CSV file as wire JSON objects, numbered as a spreadsheet shows them (the header is row 1). A file
    /// without the id, name and status columns, with unknown columns or with malformed quoting is one error.
    /// </summary>
    public static IReadOnlyList<(int Row, JsonObject Json)> Read(byte[] utf8, List<ImportError> errors)
    {
        var rows = new List<(int, JsonObject)>();
        try
        {
            using var csv = CsvReader.Create(utf8, new CsvReaderOptions
            {
                Separator = ',',
                MalformedData = CsvMalformedDataHandling.Throw,
                MaxRecordSize = MaxRecordBytes,
                IncludeValuesInExceptions = false,
                TrimWhitespace = true,
            });
            csv.ReadHeader();
            var headers = csv.Headers.Select(h => h.Trim()).ToArray();
            var unknown = headers.Where(h => !Columns.Contains(h, StringComparer.Ordinal)).ToList();
            if (unknown.Count > 0)
                errors.Add(new ImportError(1, "header", "has unknown columns: " + string.Join(", ", unknown.Select(u => u.Length > 40 ? u[..40] + "…" : u))));
            foreach (var required in RequiredColumns.Where(r => !headers.Contains(r)))
                errors.Add(new ImportError(1, "header", $"needs a \"{required}\" column"));
            if (errors.Count > 0) return rows;

            while (csv.Read())
            {
                var json = new JsonObject();
                var scope = new JsonObject();
                for (var i = 0; i < headers.Length && i < csv.FieldCount; i++)
                {
                    var column = headers[i];
                    if (column == "version") continue;
                    var text = Unescape(csv.GetString(i));
                    if (text.Length == 0) continue;
                    JsonNode value = ListColumns.Contains(column)
                        ? column is "academies" or "useCategories" && text.Equals("all", StringComparison.OrdinalIgnoreCase)
                            ? "all"
                            : new JsonArray(text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(s => (JsonNode?)s).ToArray())
                        : column == "dataAllowed" ? Bool(text) : JsonValue.Create(text);
                    if (ScopeColumns.Contains(column)) scope[column] = value;
                    else json[column] = value;
                }
                if (scope.Count > 0) json["scope"] = scope;
                rows.Add(((int)csv.RowNumber + 1, json));
            }
        }
        catch (CsvFormatException e)
        {
            errors.Add(new ImportError(e.RecordNumber > 0 ? (int)e.RecordNumber : 0, "body", "is not valid CSV (check the quotes on this row)"));
        }
        return rows;
    }

    private static string Cell(JsonNode? node) => node switch
    {
        null => "",
        JsonArray a => string.Join("; ", a.Select(x => x?.GetValue<string>() ?? "")),
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue v => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    // The export escapes cells that a spreadsheet would run as formulas with a leading apostrophe; take it off again.
    private static string Unescape(string text) =>
        text.Length > 1 && text[0] == '\'' && "=+-@\t\r".Contains(text[1]) ? text[1..] : text;

    private static JsonNode Bool(string text) => text.ToLowerInvariant() switch
    {
        "true" or "yes" or "y" => JsonValue.Create(true),
        "false" or "no" or "n" => JsonValue.Create(false),
        _ => JsonValue.Create(text), // the entry rules report it as "must be true or false"
    };

    public static string ContentType => "text/csv; charset=utf-8";

    internal static Encoding Utf8 { get; } = new UTF8Encoding(false);
}
