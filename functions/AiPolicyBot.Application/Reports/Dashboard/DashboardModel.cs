namespace AiPolicyBot.Application.Reports.Dashboard;

/// <summary>What the dashboard is narrowed to: a period (as the reports) and optionally one academy id.</summary>
public sealed record DashboardFilter(ReportPeriod Period, string? Academy);

/// <summary>
/// One panel of the dashboard (docs/reports-dashboard.md): headline figures and charts, in plain words. The tab draws
/// every panel the same way (each chart with its table for screen readers), so a new panel needs no page code.
/// </summary>
public sealed record DashboardPanel(string Id, string Title, IReadOnlyList<DashboardFigure> Figures, IReadOnlyList<DashboardChart> Charts)
{
    /// <summary>Why a filter does not apply here, e.g. "Mail has no academy: all academies are shown."</summary>
    public string? Note { get; init; }
}

/// <summary>A headline number; null when there is nothing to measure (e.g. no decisions yet).</summary>
public sealed record DashboardFigure(string Label, double? Value, string? Unit = null);

/// <summary>
/// A chart: <see cref="Kind"/> is "bar", "stackedBar" or "horizontalBar"; one value per label in each series. The
/// optional detail column (e.g. each tool's register status) is shown in the table and the label.
/// </summary>
public sealed record DashboardChart(string Id, string Title, string Kind, IReadOnlyList<string> Labels, IReadOnlyList<DashboardSeries> Series, string Caption)
{
    /// <summary>What the labels are, the first column of the chart's table: "Route", "Tool", "Category".</summary>
    public string LabelName { get; init; } = "Item";

    public string? DetailName { get; init; }
    public IReadOnlyList<string>? Details { get; init; }
}

public sealed record DashboardSeries(string Name, IReadOnlyList<double> Values);

/// <summary>
/// A panel of the dashboard. Register one with <c>services.AddSingleton&lt;IDashboardPanel, …&gt;()</c>: it appears in
/// <see cref="Order"/>, drawn by the tab like the others (training coverage and incidents are added this way).
/// </summary>
public interface IDashboardPanel
{
    /// <summary>Panels are shown by ascending order: requests 10, tools 20, triage 30; leave gaps for new ones.</summary>
    int Order { get; }

    Task<DashboardPanel> BuildAsync(DashboardContext context, CancellationToken ct);
}
