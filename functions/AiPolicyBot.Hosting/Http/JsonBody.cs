using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace AiPolicyBot.Hosting;

/// <summary>Reads a request body as JSON with a size cap; malformed or oversized input is a 400, never a 500.</summary>
public static class JsonBody
{
    public const int MaxBytes = 256 * 1024;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 32 };

    /// <summary>
    /// The parsed document, or the 400 to return instead. The limit holds while reading, so a chunked body (no
    /// Content-Length to check up front) is refused as soon as it passes it, never buffered whole.
    /// </summary>
    public static async Task<(JsonDocument? Document, IResult? Error)> ReadAsync(HttpRequest request, CancellationToken ct, int maxBytes = MaxBytes)
    {
        if (request.ContentLength > maxBytes)
            return (null, FieldErrorResults.BadRequest("body", $"must be at most {maxBytes} bytes"));
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                return (null, FieldErrorResults.BadRequest("body", $"must be at most {maxBytes} bytes"));
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) return (null, FieldErrorResults.BadRequest("body", "is required (a JSON object)"));
        try
        {
            return (JsonDocument.Parse(buffer.ToArray(), Options), null);
        }
        catch (JsonException e)
        {
            // The parser's message says where (line, byte position); it never contains the body itself.
            return (null, FieldErrorResults.BadRequest("body", "is not valid JSON: " + e.Message));
        }
    }
}
