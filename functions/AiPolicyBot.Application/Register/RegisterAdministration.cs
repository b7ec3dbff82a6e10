using System.Text.Json;
using AiPolicyBot.Common;
using AiPolicyBot.Register;

namespace AiPolicyBot.Application.Register;

/// <summary>
/// The register administrators' use cases (docs/register-admin.md): list, create or replace one entry with an
/// If-Match version, import many entries all or nothing, and read an entry's history. Every change is audited and
/// the cached register is rebuilt, so the bot answers from the new entries at once. Each use case first makes sure
/// the cache has loaded: that first load is what writes the Development demo register into an empty store, so
/// administration always sees the register the bot answers from.
/// </summary>
public sealed class RegisterAdministration(IRegisterBatchStore store, RegisterAudit audit, RegisterCache cache)
{
    public const int MaxImportEntries = 2000;

    public async Task<IReadOnlyList<Versioned<RegisterEntry>>> ListAsync(CancellationToken ct)
    {
        await cache.GetAsync(ct);
        return (await store.ListAsync(ct)).OrderBy(e => e.Value.Name, StringComparer.OrdinalIgnoreCase).ThenBy(e => e.Value.Id, StringComparer.Ordinal).ToList();
    }

    public Task<Versioned<RegisterEntry>?> GetAsync(string id, CancellationToken ct) => store.GetAsync(id, ct);

    public Task<IReadOnlyList<RegisterHistoryItem>> HistoryAsync(string id, CancellationToken ct) => audit.HistoryAsync(id, ct);

    /// <summary>Creates <paramref name="entry"/>, or replaces it when <paramref name="ifMatch"/> is its current version.</summary>
    public async Task<PutOutcome> PutAsync(RegisterEntry entry, string? ifMatch, RegisterActor actor, CancellationToken ct)
    {
        await cache.GetAsync(ct);
        var existing = await store.GetAsync(entry.Id, ct);
        if (existing is null)
        {
            // If-Match on an entry that is not there: it was read by someone who expected it to exist.
            if (ifMatch is not null) return await ConflictAsync(entry.Id, ct);
            Versioned<RegisterEntry> created;
            try
            {
                created = await store.AddAsync(entry, ct);
            }
            catch (ConcurrencyConflictException)
            {
                return await ConflictAsync(entry.Id, ct);
            }
            await audit.RecordAsync(RegisterAudit.Created, actor, null, entry, "edit", null, ct);
            await cache.RefreshAsync(ct);
            return new PutOutcome.Created(created);
        }

        if (ifMatch is null) return new PutOutcome.VersionRequired(existing);
        if (ifMatch != existing.Version) return await ConflictAsync(entry.Id, ct);
        var merged = RegisterEntryWire.KeepInternalFields(entry, existing.Value);
        if (RegisterEntryHash.Of(merged) == RegisterEntryHash.Of(existing.Value)) return new PutOutcome.Replaced(existing);
        Versioned<RegisterEntry> replaced;
        try
        {
            replaced = await store.UpdateAsync(merged, ifMatch, ct);
        }
        catch (ConcurrencyConflictException)
        {
            return await ConflictAsync(entry.Id, ct);
        }
        await audit.RecordAsync(RegisterAudit.Replaced, actor, existing.Value, merged, "edit", null, ct);
        await cache.RefreshAsync(ct);
        return new PutOutcome.Replaced(replaced);
    }

    /// <summary>
    /// Checks every row of a CSV or JSON import against the rules and the current register, and (unless
    /// <paramref name="dryRun"/>, and only when there is no error at all) writes the changes as one unit.
    /// </summary>
    public async Task<ImportReport> ImportAsync(byte[] body, bool isCsv, string? fileName, bool dryRun, RegisterActor importer, CancellationToken ct)
    {
        var errors = new List<ImportError>();
        var parsed = isCsv ? ParseCsv(body, errors) : ParseJson(body, errors);

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (row, entry) in parsed)
        {
            if (!seen.TryAdd(entry.Id, row)) errors.Add(new ImportError(row, "id", $"\"{entry.Id}\" is also on row {seen[entry.Id]}"));
        }

        await cache.GetAsync(ct);
        var current = (await store.ListAsync(ct)).ToDictionary(v => v.Value.Id, StringComparer.Ordinal);
        var changes = new List<ImportChange>();
        var writes = new List<(RegisterWrite Write, RegisterEntry? Before)>();
        var unchanged = 0;
        foreach (var (_, entry) in parsed)
        {
            var before = current.GetValueOrDefault(entry.Id);
            var merged = RegisterEntryWire.KeepInternalFields(entry, before?.Value);
            if (before is not null && RegisterEntryHash.Of(merged) == RegisterEntryHash.Of(before.Value)) { unchanged++; continue; }
            changes.Add(new ImportChange(entry.Id, entry.Name, before is null ? "created" : "updated",
                RegisterEntryHash.ChangedFields(before?.Value, merged)));
            writes.Add((new RegisterWrite(merged, before?.Version), before?.Value));
        }
        var report = new ImportReport(changes.Count(c => c.Change == "created"), changes.Count(c => c.Change == "updated"),
            unchanged, errors, changes, dryRun);
        if (!report.Applied || writes.Count == 0) return report;

        // A concurrent edit between the check and the write fails the batch (ConcurrencyConflictException): nothing is
        // written and the caller is told to check again.
        await store.WriteAllAsync(writes.Select(w => w.Write).ToList(), ct);
        var actor = RegisterActor.Import(fileName);
        foreach (var (write, before) in writes)
            await audit.RecordAsync(RegisterAudit.Imported, actor, before, write.Entry, "import", importer, ct);
        await cache.RefreshAsync(ct);
        return report;
    }

    private async Task<PutOutcome> ConflictAsync(string id, CancellationToken ct)
    {
        var current = await store.GetAsync(id, ct);
        var history = await audit.HistoryAsync(id, ct);
        var last = history.Count > 0 ? history[0] : null;
        return new PutOutcome.Conflict(current, last);
    }

    private static List<(int Row, RegisterEntry Entry)> ParseCsv(byte[] body, List<ImportError> errors)
    {
        var list = new List<(int, RegisterEntry)>();
        var rows = RegisterCsv.Read(body, errors);
        if (rows.Count > MaxImportEntries) { errors.Add(new ImportError(0, "body", $"has {rows.Count} rows; at most {MaxImportEntries}")); return list; }
        foreach (var (row, json) in rows)
        {
            using var doc = JsonDocument.Parse(json.ToJsonString());
            var fieldErrors = new List<FieldError>();
            var entry = RegisterEntryWire.Parse(doc.RootElement, fieldErrors);
            // CSV columns are flat: "scope.users" is the "users" column.
            errors.AddRange(fieldErrors.Select(f => new ImportError(row, f.Field.StartsWith("scope.", StringComparison.Ordinal) ? f.Field[6..] : f.Field, f.Message)));
            if (entry is not null) list.Add((row, entry));
        }
        return list;
    }

    private static List<(int Row, RegisterEntry Entry)> ParseJson(byte[] body, List<ImportError> errors)
    {
        var list = new List<(int, RegisterEntry)>();
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            errors.Add(new ImportError(0, "body", "is not valid JSON: " + e.Message));
            return list;
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new ImportError(0, "body", "must be a JSON array of register entries"));
                return list;
            }
            if (doc.RootElement.GetArrayLength() > MaxImportEntries)
            {
                errors.Add(new ImportError(0, "body", $"has {doc.RootElement.GetArrayLength()} entries; at most {MaxImportEntries}"));
                return list;
            }
            var row = 0;
            foreach (var item in doc.RootElement.EnumerateArray())
            {
                row++;
                var fieldErrors = new List<FieldError>();
                var entry = RegisterEntryWire.Parse(item, fieldErrors);
                errors.AddRange(fieldErrors.Select(f => new ImportError(row, f.Field, f.Message)));
                if (entry is not null) list.Add((row, entry));
            }
        }
        return list;
    }
}
