namespace AiPolicyBot.Application.Reports;

/// <summary>
/// One report (docs/spec/reports.md): a name (its route, /api/reports/{name}), its columns, and its rows streamed in
/// the order the source pages them. Cell values are plain: text, whole or decimal numbers, booleans, dates
/// (<see cref="DateOnly"/>), instants (<see cref="DateTimeOffset"/>), lists of text, or null; the host writes them
/// as CSV or JSON. Reports are registered in DI as <see cref="IReport"/> and found by <see cref="ReportCatalogue"/>.
/// </summary>
public interface IReport
{
    /// <summary>Lower-case route name: "requests", "register", "triage"…</summary>
    string Name { get; }

    /// <summary>Whether <c>from</c>/<c>to</c> select rows; a report without dates (the register) ignores them.</summary>
    bool UsesPeriod { get; }

    IReadOnlyList<string> Columns { get; }

    /// <summary>The rows, one array of cells per row in <see cref="Columns"/> order, read lazily page by page.</summary>
    IAsyncEnumerable<object?[]> RowsAsync(ReportPeriod period, CancellationToken ct);
}

/// <summary>A column: its name (camelCase, the JSON key and the CSV header) and how a row gives its cell.</summary>
public sealed record ReportColumn<TRow>(string Name, Func<TRow, object?> Value);

/// <summary>
/// A report over typed rows: a subclass reads its rows from a port and lists its columns once, so the header and the
/// cells can never disagree.
/// </summary>
public abstract class Report<TRow> : IReport
{
    private IReadOnlyList<string>? _names;

    public abstract string Name { get; }

    public virtual bool UsesPeriod => true;

    protected abstract IReadOnlyList<ReportColumn<TRow>> Definition { get; }

    public IReadOnlyList<string> Columns => _names ??= Definition.Select(c => c.Name).ToArray();

    /// <summary>The typed rows of the period, streamed from storage (never the whole table in memory).</summary>
    public abstract IAsyncEnumerable<TRow> ReadAsync(ReportPeriod period, CancellationToken ct);

    public async IAsyncEnumerable<object?[]> RowsAsync(ReportPeriod period, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var columns = Definition;
        await foreach (var row in ReadAsync(period, ct).WithCancellation(ct))
        {
            var cells = new object?[columns.Count];
            for (var i = 0; i < cells.Length; i++) cells[i] = columns[i].Value(row);
            yield return cells;
        }
    }
}

/// <summary>The registered reports by name; an unknown name is simply absent (the route answers 404).</summary>
public sealed class ReportCatalogue(IEnumerable<IReport> reports)
{
    private readonly Dictionary<string, IReport> _byName = reports.ToDictionary(r => r.Name, StringComparer.Ordinal);

    public IReport? Find(string name) => _byName.GetValueOrDefault(name);

    public IReadOnlyCollection<string> Names => _byName.Keys;
}
