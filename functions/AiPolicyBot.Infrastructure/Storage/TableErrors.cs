using AiPolicyBot.Common;
using Azure;

namespace AiPolicyBot.Infrastructure.Storage;

/// <summary>Maps Table Storage status codes to the domain's typed conflict, so callers never see Azure types.</summary>
internal static class TableErrors
{
    /// <summary>409 (already exists) on insert, 412 (stale ETag) or 404 (vanished) on a conditional update.</summary>
    public static bool IsConflict(this RequestFailedException e) => e.Status is 409 or 412 or 404;

    public static async Task<T> MapConflicts<T>(Func<Task<T>> action, string what)
    {
        try
        {
            return await action();
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            throw new ConcurrencyConflictException($"{what} ({e.Status} {e.ErrorCode})", e);
        }
    }
}
