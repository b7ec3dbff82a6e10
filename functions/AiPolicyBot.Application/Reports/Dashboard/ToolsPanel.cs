using AiPolicyBot.Register;

namespace AiPolicyBot.Application.Reports.Dashboard;

/// <summary>
/// The tools staff ask about and request most, against their register status. Tools asked about or requested that
/// the Trust never assessed (not in the register, or "not assessed") are its shadow-AI signal.
/// </summary>
public sealed class ToolsPanel(IToolDemand demand, RegisterCache register) : IDashboardPanel
{
    public const int Shown = 10;

    public int Order => 20;

    private sealed record Row(string Name, RegisterStatus? Status, long Asks, long Requests);

    public async Task<DashboardPanel> BuildAsync(DashboardContext context, CancellationToken ct)
    {
        var period = context.Filter.Period;
        var snapshot = await register.GetAsync(ct);
        var asks = await demand.AsksAsync(period.From, period.To, ct);
        var stats = await context.RequestsAsync();

        // One row per register entry, or per unknown name (normalised), adding asks and requests.
        var rows = new Dictionary<string, Row>(StringComparer.Ordinal);
        void Add(RegisterEntry? entry, string name, long asked, long requested)
        {
            var key = entry is not null ? "id:" + entry.Id : "name:" + ToolNames.Normalise(name);
            rows[key] = rows.TryGetValue(key, out var r)
                ? r with { Asks = r.Asks + asked, Requests = r.Requests + requested }
                : new Row(entry?.Name ?? name, entry?.Status, asked, requested);
        }
        foreach (var a in asks)
        {
            if (a.ToolId.StartsWith(IToolDemand.UnknownPrefix, StringComparison.Ordinal))
            {
                var name = a.ToolId[IToolDemand.UnknownPrefix.Length..];
                Add(InRegister(snapshot, name), name, a.Count, 0);
            }
            else if (snapshot.Get(a.ToolId) is { } entry) Add(entry, entry.Name, a.Count, 0);
        }
        foreach (var (name, count) in stats.ByTool.Values) Add(InRegister(snapshot, name), name, 0, count);

        var ranked = rows.Values.OrderByDescending(r => r.Asks + r.Requests).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var shadow = ranked.Where(r => r.Status is null or RegisterStatus.NotAssessed).ToList();
        var mostAsked = Chart("most-asked-tools", "Most asked-about tools and their register status", ranked.Take(Shown).ToList(),
            $"The {Math.Min(Shown, ranked.Count)} tools staff asked about or requested most, with their register status.");
        var neverAssessed = Chart("never-assessed-tools", "Asked about but never assessed", shadow.Take(Shown).ToList(),
            $"{shadow.Count} tools staff asked about or requested have never been assessed by the Trust; the {Math.Min(Shown, shadow.Count)} most asked are shown.");
        return new DashboardPanel("tools", "Tools staff ask about",
        [
            new("Tools asked about or requested", rows.Count),
            new("Never assessed (shadow AI)", shadow.Count),
        ], [mostAsked, neverAssessed])
        {
            Note = context.Filter.Academy is null ? null : "Questions in chat are counted for all academies (they are not recorded by academy); requests are for the chosen academy.",
        };
    }

    private static DashboardChart Chart(string id, string title, IReadOnlyList<Row> rows, string caption) =>
        new(id, title, "horizontalBar",
            rows.Select(r => $"{r.Name} ({DashboardWords.Status(r.Status)})").ToList(),
            [
                new DashboardSeries("Questions in chat", rows.Select(r => (double)r.Asks).ToList()),
                new DashboardSeries("Requests", rows.Select(r => (double)r.Requests).ToList()),
            ],
            caption)
        {
            LabelName = "Tool",
            DetailName = "Register status",
            Details = rows.Select(r => DashboardWords.Status(r.Status)).ToList(),
        };

    /// <summary>The register entry a written name is (exact name or alias), if any.</summary>
    private static RegisterEntry? InRegister(RegisterSnapshot snapshot, string name) => snapshot.FindExact(name) is [var first, ..] ? first : null;
}
