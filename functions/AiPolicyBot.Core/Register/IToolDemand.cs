namespace AiPolicyBot.Register;

/// <summary>How often people asked about (or searched for) one register tool.</summary>
public sealed record ToolDemandCount(string ToolId, long Count);

/// <summary>
/// Counts interest per tool, so the message extension can open with the most asked-about tools and the dashboard can
/// set what staff ask about against the register (docs/spec/reports.md). Only counts: never who asked. Callers on the
/// hot path ("can I use X?", a search) call <see cref="Record"/> or <see cref="RecordUnknown"/>: memory only, never
/// storage.
/// </summary>
public interface IToolDemand
{
    /// <summary>The prefix of an ask about a tool that is not in the register: "unknown:" + the name as written.</summary>
    public const string UnknownPrefix = "unknown:";

    /// <summary>The longest unknown tool name kept (longer names are cut).</summary>
    public const int MaxUnknownName = 60;

    /// <summary>Someone asked about or searched for the tool with this register id.</summary>
    void Record(string toolId);

    /// <summary>
    /// Someone asked about a tool the register does not know (the shadow-AI signal). Counted per month only; it
    /// never enters <see cref="TopAsync"/>, which lists register tools.
    /// </summary>
    void RecordUnknown(string toolName);

    /// <summary>The most asked-about tool ids, most first (ties by id); at most <paramref name="count"/>.</summary>
    ValueTask<IReadOnlyList<ToolDemandCount>> TopAsync(int count, CancellationToken ct);

    /// <summary>
    /// Asks per tool in the calendar months that overlap <paramref name="first"/>..<paramref name="last"/> (either open):
    /// register ids, and "unknown:Name" for tools not in the register.
    /// </summary>
    ValueTask<IReadOnlyList<ToolDemandCount>> AsksAsync(DateOnly? first, DateOnly? last, CancellationToken ct);

    /// <summary>"2026-12": the month an ask at <paramref name="at"/> counts in (UTC).</summary>
    public static string Month(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The key of an unknown tool's asks, or null for a blank name.</summary>
    public static string? UnknownKey(string? toolName)
    {
        var name = toolName?.Trim();
        if (string.IsNullOrEmpty(name)) return null;
        return UnknownPrefix + (name.Length > MaxUnknownName ? name[..MaxUnknownName] : name);
    }
}
