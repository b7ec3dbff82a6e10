using System.Text.Json;
using AiPolicyBot.Common;
using AiPolicyBot.Triage;
using Microsoft.AspNetCore.Http;

namespace AiPolicyBot.Hosting;

/// <summary>
/// POST /api/triage/preview (contracts.md §3): classifies one email and changes nothing — no record, no reply, no
/// mail moved, and nothing logged from the mail itself. Bad input → 400 with the field names.
/// </summary>
public sealed class TriagePreviewEndpoint(TriageClassifierProvider classifier)
{
    /// <summary>Generous for one plain-text mail; keeps the regex and model work bounded.</summary>
    public const int MaxBodyBytes = 512 * 1024;

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength is > MaxBodyBytes)
            return Invalid([new("$", $"The request body must be at most {MaxBodyBytes} bytes.")]);

        JsonDocument doc;
        try
        {
            using var limited = new MemoryStream();
            await CopyAtMostAsync(request.Body, limited, MaxBodyBytes, ct);
            limited.Position = 0;
            doc = await JsonDocument.ParseAsync(limited, cancellationToken: ct);
        }
        catch (InvalidDataException e) { return Invalid([new("$", e.Message)]); }
        catch (JsonException) { return Invalid([new("$", "The body must be a JSON object.")]); }

        using (doc)
        {
            var (mail, errors) = Read(doc.RootElement);
            if (errors.Count > 0) return Invalid(errors);
            return Results.Json(classifier.Classifier.Classify(mail!), AiPolicyJson.Options);
        }
    }

    /// <summary>Validates the request shape: from, subject and body strings (from not empty); to a string or null; headers an object of strings.</summary>
    public static (MailToTriage? Mail, List<FieldError> Errors) Read(JsonElement root)
    {
        var errors = new List<FieldError>();
        if (root.ValueKind != JsonValueKind.Object) return (null, [new("$", "The body must be a JSON object.")]);

        string? RequiredString(string name, bool allowEmpty)
        {
            if (!root.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) { errors.Add(new(name, $"'{name}' is required.")); return null; }
            if (v.ValueKind != JsonValueKind.String) { errors.Add(new(name, $"'{name}' must be a string.")); return null; }
            var s = v.GetString()!;
            if (!allowEmpty && string.IsNullOrWhiteSpace(s)) { errors.Add(new(name, $"'{name}' must not be empty.")); return null; }
            return s;
        }

        var from = RequiredString("from", allowEmpty: false);
        var subject = RequiredString("subject", allowEmpty: true);
        var body = RequiredString("body", allowEmpty: true);

        string? to = null;
        if (root.TryGetProperty("to", out var toValue) && toValue.ValueKind != JsonValueKind.Null)
        {
            if (toValue.ValueKind == JsonValueKind.String) to = toValue.GetString();
            else errors.Add(new("to", "'to' must be a string."));
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty("headers", out var h) && h.ValueKind != JsonValueKind.Null)
        {
            if (h.ValueKind != JsonValueKind.Object) errors.Add(new("headers", "'headers' must be an object of header names to string values."));
            else
            {
                foreach (var p in h.EnumerateObject())
                {
                    if (p.Value.ValueKind == JsonValueKind.String) headers[p.Name] = p.Value.GetString()!;
                    else errors.Add(new($"headers.{p.Name}", "Header values must be strings."));
                }
            }
        }

        return errors.Count > 0 ? (null, errors) : (new MailToTriage(from!, to, subject!, body!, headers), errors);
    }

    private static IResult Invalid(IReadOnlyList<FieldError> errors) =>
        Results.ValidationProblem(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: "Invalid triage preview request");

    private static async Task CopyAtMostAsync(Stream source, Stream target, int max, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        var total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > max) throw new InvalidDataException($"The request body must be at most {max} bytes.");
            await target.WriteAsync(buffer.AsMemory(0, read), ct);
        }
    }
}
