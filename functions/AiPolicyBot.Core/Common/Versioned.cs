namespace AiPolicyBot.Common;

/// <summary>
/// A stored value with its concurrency version (the Table Storage ETag, kept opaque here so the domain stays free
/// of Azure types). Every read-modify-write passes the version back; a stale one raises <see cref="ConcurrencyConflictException"/>.
/// </summary>
public sealed record Versioned<T>(T Value, string Version);

/// <summary>Someone else changed the item since it was read (HTTP 412), or it already exists (409 on insert).</summary>
public sealed class ConcurrencyConflictException(string what, Exception? inner = null)
    : Exception($"Concurrent change: {what}", inner);
