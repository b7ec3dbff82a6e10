namespace AiPolicyBot.Common;

/// <summary>
/// "Do this once": a side effect claims its key first (e.g. a Teams activity id, a mail job id). The first claim wins;
/// a repeat (a retried activity, a redelivered queue message) sees false and skips the side effect.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>True for the first claim of (<paramref name="scope"/>, <paramref name="key"/>), false for every later one.</summary>
    Task<bool> TryClaimAsync(string scope, string key, CancellationToken ct);

    /// <summary>Gives a claim back so the side effect can be tried again (call when it failed before doing anything).</summary>
    Task ReleaseAsync(string scope, string key, CancellationToken ct);
}
