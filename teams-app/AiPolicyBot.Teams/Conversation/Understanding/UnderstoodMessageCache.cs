using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using AiPolicyBot.Academies;
using AiPolicyBot.Register;

namespace AiPolicyBot.Teams.Conversation.Understanding;

/// <summary>
/// Understood messages kept per register snapshot: an understanding is a pure function of the text, the register
/// snapshot and the academies' settings (<see cref="MessageUnderstanding"/>), and staff send the same short questions
/// again and again, so a repeat skips the tool search, the hints and the academy match as well as the model (the tool
/// search was a fifth of a turn's CPU and allocations once the model's scores were reused; docs/benchmarks.md).
/// A new snapshot (every register change) or new academies settings start an empty set. Bounded like the model's
/// scores: texts up to <see cref="IntentModelProvider.MaxCachedLength"/> characters, at most
/// <see cref="IntentModelProvider.CacheCapacity"/> per snapshot; past that, messages are understood every time.
/// Understood messages are immutable records, so one may be handed to every turn that asks.
/// </summary>
internal sealed class UnderstoodMessageCache
{
    private sealed class ForSnapshot(AcademyOptions academies)
    {
        public readonly AcademyOptions Academies = academies;
        public readonly ConcurrentDictionary<string, UnderstoodMessage> ByText = new(StringComparer.Ordinal);
    }

    private readonly ConditionalWeakTable<RegisterSnapshot, ForSnapshot> _bySnapshot = new();

    public UnderstoodMessage GetOrAdd(string? text, RegisterSnapshot register, AcademyOptions academies,
        Func<string?, RegisterSnapshot, AcademyOptions, UnderstoodMessage> understand)
    {
        if (text is null || text.Length > IntentModelProvider.MaxCachedLength) return understand(text, register, academies);

        var kept = _bySnapshot.GetValue(register, _ => new ForSnapshot(academies));
        if (!ReferenceEquals(kept.Academies, academies))
        {
            // The academies' settings were reloaded: what was understood against the old ones no longer holds.
            kept = new ForSnapshot(academies);
            _bySnapshot.AddOrUpdate(register, kept);
        }

        if (kept.ByText.TryGetValue(text, out var understood)) return understood;
        understood = understand(text, register, academies);
        if (kept.ByText.Count < IntentModelProvider.CacheCapacity) kept.ByText.TryAdd(text, understood);
        return understood;
    }
}
