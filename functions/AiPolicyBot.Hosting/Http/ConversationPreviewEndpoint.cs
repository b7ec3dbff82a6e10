using System.Text.Json;
using System.Text.Json.Serialization;
using AiPolicyBot.Common;
using AiPolicyBot.Register;
using AiPolicyBot.Teams.Conversation.Understanding;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AiPolicyBot.Hosting;

/// <summary>
/// POST /api/conversation/preview (docs/spec/conversation-preview.md): the bot's own understanding of one staff
/// message — intent, tool, confidence, clarifying candidates and filters. Changes nothing: no reply, no request, no
/// demand count, and the text is never logged. Bad input → 400 naming the field.
/// </summary>
public sealed class ConversationPreviewEndpoint(RegisterCache register, MessageUnderstanding understanding, ILogger<ConversationPreviewEndpoint> logger)
{
    public const int MaxTextLength = 4_000;
    public const int MaxAcademyLength = 100;

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken ct)
    {
        var (document, error) = await RequestBody.ReadJsonAsync(request, RequestBody.AdminJsonBytes, "body", ct);
        if (error is not null) return ApiProblems.Invalid([error]);
        using (document)
        {
            var (text, errors) = Read(document!.RootElement);
            if (errors.Count > 0) return ApiProblems.Invalid(errors);

            RegisterSnapshot snapshot;
            try { snapshot = await register.GetAsync(ct); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The register could not be loaded");
                return ApiProblems.Unavailable("The register is not available; try again shortly.");
            }
            var u = understanding.Understand(text, snapshot);
            return Results.Json(new ConversationPreview(
                u.Intent.Label(), u.ToolLabel, Math.Round(u.Confidence, 3),
                u.Candidates.Select(c => c.Label()).ToList(), UnderstandingFilters.From(u)), AiPolicyJson.Options);
        }
    }

    /// <summary>text: a string of at most 4,000 characters (required); academy: a short string (optional, the asker's academy).</summary>
    public static (string Text, List<FieldError> Errors) Read(JsonElement root)
    {
        var errors = new List<FieldError>();
        if (root.ValueKind != JsonValueKind.Object) return ("", [new("body", "must be a JSON object")]);
        var text = "";
        if (!root.TryGetProperty("text", out var t) || t.ValueKind == JsonValueKind.Null) errors.Add(new("text", "is required"));
        else if (t.ValueKind != JsonValueKind.String) errors.Add(new("text", "must be a string"));
        else if ((text = t.GetString()!).Length > MaxTextLength) errors.Add(new("text", $"must be at most {MaxTextLength} characters"));
        if (root.TryGetProperty("academy", out var a) && a.ValueKind != JsonValueKind.Null)
        {
            if (a.ValueKind != JsonValueKind.String) errors.Add(new("academy", "must be a string"));
            else if (a.GetString()!.Length > MaxAcademyLength) errors.Add(new("academy", $"must be at most {MaxAcademyLength} characters"));
        }
        return (text, errors);
    }

    /// <summary>The response of contracts section 8 (camelCase by AiPolicyJson).</summary>
    public sealed record ConversationPreview(
        string Intent,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Tool, double Confidence, IReadOnlyList<string> Candidates, IReadOnlyDictionary<string, object> Filters);
}
