using System.Reflection;
using System.Text.Json;
using AiPolicyBot.Common;
using AiPolicyBot.Triage;
using AiPolicyBot.Triage.Inbox;

namespace AiPolicyBot.Hosting;

/// <summary>
/// POST /api/triage/preview's body, read (<see cref="RequestBody"/>) and validated once: from, subject and body
/// strings (from not empty); to a string or null; headers an object of strings.
/// </summary>
public sealed record TriagePreviewRequest(MailToTriage? Mail, ProblemHttpResult? Problem) : IBindableFromHttpContext<TriagePreviewRequest>
{
    public static async ValueTask<TriagePreviewRequest?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        await BindAsync(context.Request, context.RequestAborted);

    public static async Task<TriagePreviewRequest> BindAsync(HttpRequest request, CancellationToken ct)
    {
        var (document, problem) = await RequestBody.ReadJsonAsync(request, RequestBody.TriagePreviewBytes, "$", ct);
        if (problem is not null) return new TriagePreviewRequest(null, problem);
        using (document)
        {
            var (mail, errors) = Read(document!.RootElement);
            return new TriagePreviewRequest(mail, errors.Count > 0 ? ApiProblems.Invalid(errors, "Invalid triage preview request") : null);
        }
    }

    public static (MailToTriage? Mail, List<FieldError> Errors) Read(JsonElement root)
    {
        var errors = new List<FieldError>();
        if (root.ValueKind != JsonValueKind.Object) return (null, [new("$", "The body must be a JSON object.")]);

        string? RequiredString(string name, bool allowEmpty)
        {
            if (!root.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                errors.Add(new(name, $"'{name}' is required."));
                return null;
            }

            if (v.ValueKind != JsonValueKind.String)
            {
                errors.Add(new(name, $"'{name}' must be a string."));
                return null;
            }

            var s = v.GetString()!;
            if (!allowEmpty && string.IsNullOrWhiteSpace(s))
            {
                errors.Add(new(name, $"'{name}' must not be empty."));
                return null;
            }

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

        // The same caps as mail from the inbox (docs/triage-inbox.md, "Limits"), whatever the request's own limit.
        return errors.Count > 0 ? (null, errors) : (new MailToTriage(from!, to, InboundMailLimits.Cut(subject!, InboundMailLimits.MaxSubjectChars),
            InboundMailLimits.Cut(body!, InboundMailLimits.MaxBodyChars), headers), errors);
    }
}
