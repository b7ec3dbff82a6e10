namespace AiPolicyBot.Register;

/// <summary>How often people asked about (or searched for) one register tool.</summary>
public sealed record ToolDemandCount(string ToolId, long Count);

/// <summary>
/// Counts interest per register tool, so the message extension can open with the most asked-about tools. Callers on
/// the hot path ("can I use X?", a search) call <see cref="Record"/>: it only touches memory, never storage.
/// </summary>
public interface IToolDemand
{
    /// <summary>Someone asked about or searched for the tool with this register id.</summary>
    void Record(string toolId);

    /// <summary>The most asked-about tool ids, most first (ties by id); at most <paramref name="count"/>.</summary>
    ValueTask<IReadOnlyList<ToolDemandCount>> TopAsync(int count, CancellationToken ct);
}
