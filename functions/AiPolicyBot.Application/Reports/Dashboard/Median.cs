namespace AiPolicyBot.Application.Reports.Dashboard;

/// <summary>The median the dashboard shows (days to decide, hours to a DPO decision): one decimal, null when empty.</summary>
public static class Median
{
    public static double? Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return null;
        var mid = sorted.Count / 2;
        return Math.Round(sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2, 1);
    }
}
