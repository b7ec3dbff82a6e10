using AiPolicyBot.Register;

namespace AiPolicyBot.Teams.MessageExtension;

/// <summary>
/// What the "AI tools" search shows: register tools for a typed name (the register's fuzzy search, as in the bot),
/// or, for an empty query, the most asked-about tools followed by the approved ones. Works on the cached register
/// snapshot and the in-memory demand counts only, so a query never waits for storage (5 s budget, §4.1).
/// </summary>
public sealed class ToolSearch(RegisterCache register, IToolDemand demand)
{
    /// <summary>A result this strong is a real look-up of that tool (exact name, alias or a near typo), not a prefix.</summary>
    public const double CountsAsDemand = 0.85;

    public async ValueTask<IReadOnlyList<RegisterEntry>> SearchAsync(string query, int skip, int count, CancellationToken ct)
    {
        var snapshot = await register.GetAsync(ct);
        var hits = snapshot.Search.Search(query, skip + count + 1);
        var ordered = hits.Select(h => h.Entry).ToList();
        var best = hits.Count > 0 ? hits[0] : null;

        // A sentence ("copilot for lesson plans") rather than a name: the tool it mentions comes first.
        if (query.Contains(' ') && snapshot.Search.FindInText(query) is { Entry: { } mentioned } match)
        {
            ordered.RemoveAll(e => e.Id == mentioned.Id);
            ordered.Insert(0, mentioned);
            best = new RegisterHit(mentioned, match.Score);
        }

        if (best is not null && best.Score >= CountsAsDemand && skip == 0) demand.Record(best.Entry.Id);
        return ordered.Skip(skip).Take(count).ToList();
    }

    /// <summary>The opening list: most asked-about first, then approved tools by name; each tool once.</summary>
    public async ValueTask<IReadOnlyList<RegisterEntry>> MostAskedAsync(int skip, int count, DateOnly today, CancellationToken ct)
    {
        var snapshot = await register.GetAsync(ct);
        var top = await demand.TopAsync(skip + count, ct);
        var asked = top.Select(t => snapshot.Get(t.ToolId)).OfType<RegisterEntry>();
        var approved = snapshot.Entries
            .Where(e => e.Status is RegisterStatus.Approved or RegisterStatus.ApprovedNoPersonalData && !(e.ReviewBy < today))
            .OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase);
        return asked.Concat(approved).DistinctBy(e => e.Id).Skip(skip).Take(count).ToList();
    }
}
