namespace AiPolicyBot.Teams.Protocol.Dispatch;

/// <summary>
/// Handlers by key (invoke name, command, card verb, intent, message-extension command). Two handlers for one key is
/// a composition mistake, never a choice made by registration order: building the registry throws, so the host
/// stops at start-up naming both.
/// </summary>
public static class HandlerRegistry
{
    public static IReadOnlyDictionary<TKey, T> Unique<TKey, T>(IEnumerable<T> handlers, Func<T, TKey> key, string kind,
        IEqualityComparer<TKey>? comparer = null)
        where TKey : notnull
        where T : notnull
    {
        var byKey = new Dictionary<TKey, T>(comparer);
        foreach (var handler in handlers)
        {
            var k = key(handler);
            if (!byKey.TryAdd(k, handler))
                throw new DuplicateHandlerException(kind, k.ToString() ?? "", byKey[k].GetType().Name, handler.GetType().Name);
        }

        return byKey;
    }
}

/// <summary>Two handlers were registered for the same key; the message names both so the mistake is easy to find.</summary>
public sealed class DuplicateHandlerException(string kind, string key, string first, string second)
    : InvalidOperationException($"Two {kind} handlers are registered for '{key}' ({first} and {second}); register exactly one.");
