using System.Buffers;
using System.Text.Json;

namespace AiPolicyBot.Hosting;

/// <summary>
/// The one body reader of every route, and the size policy: each route's limit is below; a body over it is refused
/// with 413 before it is buffered (checked on Content-Length and while reading, so a chunked body cannot grow past
/// it); an empty body or one that is not JSON is a 400 naming the field.
/// </summary>
public static class RequestBody
{
    /// <summary>Admin JSON (policy evaluation): an intake and an optional what-if register.</summary>
    public const int AdminJsonBytes = 256 * 1024;

    /// <summary>One plain-text mail for the triage preview: generous, and keeps the regex and model work bounded.</summary>
    public const int TriagePreviewBytes = 512 * 1024;

    /// <summary>A batch of Graph change notifications.</summary>
    public const int GraphNotificationBytes = 1024 * 1024;

    /// <summary>A command on an incident from the tab (a note, an action, a decision).</summary>
    public const int IncidentCommandBytes = 8 * 1024;

    /// <summary>One register entry (PUT /api/register/{id}).</summary>
    public const int RegisterEntryBytes = 64 * 1024;

    /// <summary>A register import, CSV or JSON.</summary>
    public const int RegisterImportBytes = 1024 * 1024;

    // The channel's limit is BotOptions.MaxBodyBytes (configuration "Bot", 256 KB by default).

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32 };

    /// <summary>
    /// The body in a buffer rented from the shared pool (dispose to return it), or null when it is over
    /// <paramref name="limit"/>. The channel parses straight from the buffer: no per-request copies on the hot path.
    /// </summary>
    public static async Task<PooledBody?> ReadAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        var pool = ArrayPool<byte>.Shared;
        var buffer = pool.Rent((int)Math.Clamp(request.ContentLength ?? 4096, 1, limit) + 1);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = pool.Rent(Math.Min(buffer.Length * 2, limit + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    pool.Return(buffer);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length), ct);
                if (read == 0)
                {
                    return new PooledBody(buffer, length);
                }

                length += read;
                if (length > limit)
                {
                    pool.Return(buffer);
                    return null;
                }
            }
        }
        catch
        {
            pool.Return(buffer);
            throw;
        }
    }

    /// <summary>
    /// The body as a JSON document, or the problem to answer instead: 413 over <paramref name="limit"/>, 400 naming
    /// <paramref name="field"/> when it is empty or not JSON. The parser's message says where it failed (line, byte);
    /// it never contains the body.
    /// </summary>
    public static async Task<(JsonDocument? Document, ProblemHttpResult? Problem)> ReadJsonAsync(HttpRequest request, int limit, string field,
        CancellationToken ct)
    {
        var (bytes, problem) = await ReadBytesAsync(request, limit, field, ct);
        if (problem is not null)
        {
            return (null, problem);
        }

        try
        {
            return (JsonDocument.Parse(bytes, DocumentOptions), null);
        }
        catch (JsonException e)
        {
            return (null, ApiProblems.Invalid(field, "is not valid JSON: " + e.Message));
        }
    }

    /// <summary>The body's bytes (not empty), or the problem to answer: 413 over the limit, 400 naming the field when empty.</summary>
    public static async Task<(byte[] Bytes, ProblemHttpResult? Problem)> ReadBytesAsync(HttpRequest request, int limit, string field, CancellationToken ct)
    {
        using var body = await ReadAsync(request, limit, ct);
        if (body is not { } b)
        {
            return ([], ApiProblems.TooLarge(limit));
        }

        return b.Length == 0 ? ([], ApiProblems.Invalid(field, "is required")) : (b.Span.ToArray(), null);
    }
}

/// <summary>A request body in a pooled buffer; <see cref="Dispose"/> gives the buffer back.</summary>
public readonly struct PooledBody(byte[] buffer, int length) : IDisposable
{
    public int Length => length;

    public ReadOnlySpan<byte> Span => buffer.AsSpan(0, length);

    public ReadOnlyMemory<byte> Memory => buffer.AsMemory(0, length);

    public void Dispose() => ArrayPool<byte>.Shared.Return(buffer);
}
